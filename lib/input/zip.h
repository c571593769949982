/*
 * A zip archive held in memory (a .docx or .odt), read through libzip with
 * limits against hostile archives. Every limit is checked before the
 * memory it guards is allocated:
 * - at most GR_ZIP_MAX_ENTRIES entries (a .docx has a dozen, an .odt a few
 *   dozen), checked from the central directory before anything is read;
 * - an entry is read only up to its stated uncompressed size, which must be
 *   at most `max_entry`, and the entries read together at most `max_total`
 *   bytes (the caller passes its input limit): more is refused, never
 *   allocated;
 * - an entry larger than GR_ZIP_RATIO_FLOOR bytes that expands more than
 *   GR_ZIP_MAX_RATIO times its compressed size is refused (a zip bomb);
 * - what the entry decompresses to must be exactly its stated size and
 *   CRC (libzip checks both): a lying header is refused.
 * A refusal is a status: GOVREPORT_ERR_LIMIT for the count and the ratio,
 * GOVREPORT_ERR_INPUT_TOO_LARGE for sizes, GOVREPORT_ERR_INPUT_NOT_TEXT
 * for an archive libzip cannot read (truncated, damaged, encrypted).
 */
#ifndef GR_INPUT_ZIP_H
#define GR_INPUT_ZIP_H

#include <stddef.h>

#include "govreport.h"

#define GR_ZIP_MAX_ENTRIES 10000
#define GR_ZIP_MAX_RATIO 100
#define GR_ZIP_RATIO_FLOOR ((size_t)1024 * 1024)

struct gr_zip;

/* Open the archive in data[0..len) (not copied: it must outlive the
 * handle). Returns GOVREPORT_OK and *out, or a status. */
enum govreport_status gr_zip_open(const char *data, size_t len, size_t max_entry,
				  size_t max_total, struct gr_zip **out);

/* Whether the archive holds an entry of that name. */
int gr_zip_has(struct gr_zip *zip, const char *name);

/*
 * Read one entry into a new NUL-terminated buffer (*data, *len; freed with
 * gr_free()). Returns GOVREPORT_OK, GOVREPORT_ERR_NOT_FOUND when there is
 * no such entry, or a refusal as above.
 */
enum govreport_status gr_zip_read(struct gr_zip *zip, const char *name, char **data,
				  size_t *len);

void gr_zip_close(struct gr_zip *zip);

#endif
