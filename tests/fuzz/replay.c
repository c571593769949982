/*
 * Replay a fuzz corpus without libFuzzer (jansson's standalone driver):
 * every file named on the command line, and every file in every directory
 * named, goes through the harness once. A crash fails the test; the
 * harnesses abort() on a broken promise.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data;
	long size;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0) {
		fclose(f);
		return -1;
	}
	rewind(f);
	data = malloc((size_t)size + 1);
	if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) {
		free(data);
		fclose(f);
		return -1;
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, (size_t)size);
	free(data);
	return 0;
}

/* Files directly in dir, and in its subdirectories one level down (the
 * data-driven case folders). Returns how many were replayed, -1 on error. */
static long
replay_dir(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	long n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char path[4096];
		struct stat st;
		if (e->d_name[0] == '.')
			continue;
		int plen = snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (plen < 0 || (size_t)plen >= sizeof(path) || stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			long k = depth > 0 ? replay_dir(path, depth - 1) : 0;
			if (k < 0) {
				closedir(d);
				return -1;
			}
			n += k;
		} else if (replay_file(path) == 0) {
			n++;
		}
	}
	closedir(d);
	return n;
}

int
main(int argc, char **argv)
{
	long total = 0;

	for (int i = 1; i < argc; i++) {
		struct stat st;
		long n;
		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: not found\n", argv[i]);
			return 1;
		}
		n = S_ISDIR(st.st_mode) ? replay_dir(argv[i], 1) : replay_file(argv[i]) == 0;
		if (n < 0) {
			fprintf(stderr, "replay: %s: cannot read\n", argv[i]);
			return 1;
		}
		total += n;
	}
	printf("replayed %ld inputs\n", total);
	/* A corpus that replays nothing tests nothing. */
	return total > 0 ? 0 : 1;
}
