/* A zip archive written in memory with libzip; see zipwrite.h. */
#include <stdlib.h>

#include <zip.h>

#include "zipwrite.h"

/* Everything the archive source holds, as new bytes. */
static char *
source_bytes(zip_source_t *src, size_t *len)
{
	zip_stat_t st;
	char *buf;

	zip_stat_init(&st);
	if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE))
		return NULL;
	buf = malloc(st.size ? st.size : 1);
	if (!buf)
		return NULL;
	if (zip_source_open(src) < 0) {
		free(buf);
		return NULL;
	}
	if (zip_source_read(src, buf, st.size) != (zip_int64_t)st.size) {
		zip_source_close(src);
		free(buf);
		return NULL;
	}
	zip_source_close(src);
	*len = st.size;
	return buf;
}

char *
test_zip_write(const struct test_zip_entry *e, size_t n, size_t *len)
{
	zip_error_t err;
	zip_source_t *out;
	zip_t *z;
	char *buf = NULL;

	*len = 0;
	zip_error_init(&err);
	out = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!out)
		goto done;
	z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
	if (!z)
		goto done;
	/* The archive frees its source when closed: keep it, to read the
	 * bytes written. */
	zip_source_keep(out);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, e[i].data, e[i].len, 0);
		zip_int64_t idx = s ? zip_file_add(z, e[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (idx < 0) {
			zip_source_free(s);
			zip_discard(z);
			goto done;
		}
		if (zip_set_file_compression(z, (zip_uint64_t)idx,
					     e[i].store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) < 0) {
			zip_discard(z);
			goto done;
		}
	}
	if (zip_close(z) < 0) {
		zip_discard(z);
		goto done;
	}
	buf = source_bytes(out, len);
done:
	zip_source_free(out);
	zip_error_fini(&err);
	return buf;
}
