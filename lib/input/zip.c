/* A zip archive in memory through libzip, with limits; see zip.h. */
#include <stdint.h>
#include <string.h>

#include <zip.h>

#include "util/alloc.h"
#include "input/zip.h"

/*
 * The libzip functions this file calls, through one table. A build that
 * could name the libzip it found (GR_LIBZIP_SONAME, from meson.build)
 * loads it with dlopen() when the first archive arrives instead of at
 * start: libzip brings libcrypto, whose ~3,400 symbol bindings were a
 * third of the time a one-file `govreport parse` of a text report took
 * (issue 17). Other builds link it and fill the table at compile time.
 */
#define GR_LIBZIP_FUNCTIONS(X)                                                   \
	X(zip_discard)                                                           \
	X(zip_error_code_zip)                                                    \
	X(zip_error_fini)                                                        \
	X(zip_error_init)                                                        \
	X(zip_fclose)                                                            \
	X(zip_fopen_index)                                                       \
	X(zip_fread)                                                             \
	X(zip_get_num_entries)                                                   \
	X(zip_name_locate)                                                       \
	X(zip_open_from_source)                                                  \
	X(zip_source_buffer_create)                                              \
	X(zip_source_free)                                                       \
	X(zip_stat_index)                                                        \
	X(zip_stat_init)

struct libzip_table {
#define GR_LIBZIP_MEMBER(name) __typeof__(&name) name;
	GR_LIBZIP_FUNCTIONS(GR_LIBZIP_MEMBER)
#undef GR_LIBZIP_MEMBER
};

#ifdef GR_LIBZIP_SONAME
#include <dlfcn.h>
#include <pthread.h>

static struct libzip_table libzip_loaded;
static int libzip_usable;
static pthread_once_t libzip_once = PTHREAD_ONCE_INIT;

/* Never closed: libcrypto, which libzip loads, cannot be unloaded
 * (NODELETE), and a second archive should not pay for the first again. */
static void
load_libzip(void)
{
	void *handle = dlopen(GR_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
	struct libzip_table table;

	if (!handle)
		return;
#define GR_LIBZIP_RESOLVE(name)                                                  \
	*(void **)&table.name = dlsym(handle, #name);                            \
	if (!table.name)                                                         \
		return;
	GR_LIBZIP_FUNCTIONS(GR_LIBZIP_RESOLVE)
#undef GR_LIBZIP_RESOLVE
	libzip_loaded = table;
	libzip_usable = 1;
}

/* The table, or NULL when the libzip the build found cannot be loaded
 * (uninstalled since): archives are then refused as in a build without
 * it. */
static const struct libzip_table *
libzip(void)
{
	pthread_once(&libzip_once, load_libzip);
	return libzip_usable ? &libzip_loaded : NULL;
}
#else
static const struct libzip_table libzip_linked = {
#define GR_LIBZIP_LINKED(name) .name = name,
	GR_LIBZIP_FUNCTIONS(GR_LIBZIP_LINKED)
#undef GR_LIBZIP_LINKED
};

static const struct libzip_table *
libzip(void)
{
	return &libzip_linked;
}
#endif

struct gr_zip {
	const struct libzip_table *lib;
	zip_t *archive;
	size_t max_entry, max_total;
	size_t total; /* bytes read so far */
};

enum govreport_status
gr_zip_open(const char *data, size_t len, size_t max_entry, size_t max_total,
	    struct gr_zip **out)
{
	zip_error_t error;
	zip_source_t *src;
	zip_t *archive;
	zip_int64_t n;
	struct gr_zip *zip;
	const struct libzip_table *lib = libzip();

	*out = NULL;
	if (!lib)
		return GOVREPORT_ERR_INPUT_UNSUPPORTED;
	lib->zip_error_init(&error);
	src = lib->zip_source_buffer_create(data, len, 0, &error);
	if (!src) {
		lib->zip_error_fini(&error);
		return GOVREPORT_ERR_NOMEM;
	}
	/* Read-only: libzip never writes to the caller's bytes. */
	archive = lib->zip_open_from_source(src, ZIP_RDONLY, &error);
	if (!archive) {
		int code = lib->zip_error_code_zip(&error);
		lib->zip_source_free(src);
		lib->zip_error_fini(&error);
		return code == ZIP_ER_MEMORY ? GOVREPORT_ERR_NOMEM
					     : GOVREPORT_ERR_INPUT_NOT_TEXT;
	}
	lib->zip_error_fini(&error);
	n = lib->zip_get_num_entries(archive, 0);
	if (n < 0 || n > GR_ZIP_MAX_ENTRIES) {
		lib->zip_discard(archive);
		return GOVREPORT_ERR_LIMIT;
	}
	zip = gr_calloc(1, sizeof(*zip));
	if (!zip) {
		lib->zip_discard(archive);
		return GOVREPORT_ERR_NOMEM;
	}
	zip->lib = lib;
	zip->archive = archive;
	zip->max_entry = max_entry;
	zip->max_total = max_total;
	*out = zip;
	return GOVREPORT_OK;
}

int
gr_zip_has(struct gr_zip *zip, const char *name)
{
	return zip->lib->zip_name_locate(zip->archive, name, 0) >= 0;
}

enum govreport_status
gr_zip_read(struct gr_zip *zip, const char *name, char **data, size_t *len)
{
	const struct libzip_table *lib = zip->lib;
	zip_stat_t st;
	zip_int64_t index = lib->zip_name_locate(zip->archive, name, 0);
	zip_file_t *f;
	size_t size, got = 0;
	char *buf;

	*data = NULL;
	*len = 0;
	if (index < 0)
		return GOVREPORT_ERR_NOT_FOUND;
	lib->zip_stat_init(&st);
	if (lib->zip_stat_index(zip->archive, (zip_uint64_t)index, 0, &st) < 0 ||
	    !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	if (st.size > zip->max_entry || st.size > zip->max_total - zip->total)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	size = (size_t)st.size;
	if (size > GR_ZIP_RATIO_FLOOR &&
	    (st.comp_size == 0 || size / GR_ZIP_MAX_RATIO > st.comp_size))
		return GOVREPORT_ERR_LIMIT;
	buf = gr_malloc(size + 1);
	if (!buf)
		return GOVREPORT_ERR_NOMEM;
	f = lib->zip_fopen_index(zip->archive, (zip_uint64_t)index, 0);
	if (!f) {
		gr_free(buf);
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	}
	/* Up to the stated size and one byte more: a stream that goes on
	 * past its header's size (or stops short of it) is refused. libzip
	 * checks the CRC when the stream ends. */
	for (;;) {
		char extra;
		zip_int64_t n = got < size ? lib->zip_fread(f, buf + got, size - got)
					   : lib->zip_fread(f, &extra, 1);
		if (n < 0 || (n > 0 && got == size)) {
			lib->zip_fclose(f);
			gr_free(buf);
			return GOVREPORT_ERR_INPUT_NOT_TEXT;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	lib->zip_fclose(f);
	if (got != size) {
		gr_free(buf);
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	}
	buf[size] = '\0';
	zip->total += size;
	*data = buf;
	*len = size;
	return GOVREPORT_OK;
}

void
gr_zip_close(struct gr_zip *zip)
{
	if (!zip)
		return;
	zip->lib->zip_discard(zip->archive);
	gr_free(zip);
}
