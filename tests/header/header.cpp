/*
 * Build-only test: the public header must compile as C++11 with every
 * warning an error (see meson.build). It is linked with the library: a
 * header that lost its extern "C" block would leave the mangled names
 * below undefined.
 */
#include <govreport.h>

static_assert(sizeof(govreport_status) == sizeof(int), "enums are int-sized");
static_assert(sizeof(govreport_app_row) == sizeof(int), "enums are int-sized");

int
main()
{
	struct govreport *report = nullptr;
	unsigned flags = GOVREPORT_JSON_DETAIL | GOVREPORT_LANG_EN;

	govreport_free(report);
	return (govreport_version() == nullptr || flags == 0) ? 1 : 0;
}
