/* A zip archive in memory through libzip, with limits; see zip.h. */
#include <stdint.h>
#include <string.h>

#include <zip.h>

#include "util/alloc.h"
#include "input/zip.h"

struct gr_zip {
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

	*out = NULL;
	zip_error_init(&error);
	src = zip_source_buffer_create(data, len, 0, &error);
	if (!src) {
		zip_error_fini(&error);
		return GOVREPORT_ERR_NOMEM;
	}
	/* Read-only: libzip never writes to the caller's bytes. */
	archive = zip_open_from_source(src, ZIP_RDONLY, &error);
	if (!archive) {
		int code = zip_error_code_zip(&error);
		zip_source_free(src);
		zip_error_fini(&error);
		return code == ZIP_ER_MEMORY ? GOVREPORT_ERR_NOMEM
					     : GOVREPORT_ERR_INPUT_NOT_TEXT;
	}
	zip_error_fini(&error);
	n = zip_get_num_entries(archive, 0);
	if (n < 0 || n > GR_ZIP_MAX_ENTRIES) {
		zip_discard(archive);
		return GOVREPORT_ERR_LIMIT;
	}
	zip = gr_calloc(1, sizeof(*zip));
	if (!zip) {
		zip_discard(archive);
		return GOVREPORT_ERR_NOMEM;
	}
	zip->archive = archive;
	zip->max_entry = max_entry;
	zip->max_total = max_total;
	*out = zip;
	return GOVREPORT_OK;
}

int
gr_zip_has(struct gr_zip *zip, const char *name)
{
	return zip_name_locate(zip->archive, name, 0) >= 0;
}

enum govreport_status
gr_zip_read(struct gr_zip *zip, const char *name, char **data, size_t *len)
{
	zip_stat_t st;
	zip_int64_t index = zip_name_locate(zip->archive, name, 0);
	zip_file_t *f;
	size_t size, got = 0;
	char *buf;

	*data = NULL;
	*len = 0;
	if (index < 0)
		return GOVREPORT_ERR_NOT_FOUND;
	zip_stat_init(&st);
	if (zip_stat_index(zip->archive, (zip_uint64_t)index, 0, &st) < 0 ||
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
	f = zip_fopen_index(zip->archive, (zip_uint64_t)index, 0);
	if (!f) {
		gr_free(buf);
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	}
	/* Up to the stated size and one byte more: a stream that goes on
	 * past its header's size (or stops short of it) is refused. libzip
	 * checks the CRC when the stream ends. */
	for (;;) {
		char extra;
		zip_int64_t n = got < size ? zip_fread(f, buf + got, size - got)
					   : zip_fread(f, &extra, 1);
		if (n < 0 || (n > 0 && got == size)) {
			zip_fclose(f);
			gr_free(buf);
			return GOVREPORT_ERR_INPUT_NOT_TEXT;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	zip_fclose(f);
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
	zip_discard(zip->archive);
	gr_free(zip);
}
