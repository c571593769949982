/*
 * libzip is loaded when the first archive arrives, not at start
 * (lib/input/zip.c, issue 17): parsing text leaves it unloaded, parsing a
 * .docx loads it and reads the archive. Built only when meson could name
 * the libzip to load (GR_LIBZIP_SONAME); a build that links libzip has
 * nothing to test here and says so.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "govreport.h"
#include "testutil.h"

/* Whether the process has libzip loaded (RTLD_NOLOAD loads nothing). */
static int
libzip_loaded(void)
{
	void *handle = dlopen(GR_LIBZIP_SONAME, RTLD_NOW | RTLD_NOLOAD);

	if (!handle)
		return 0;
	dlclose(handle);
	return 1;
}

static struct govreport *
parse_file(const char *relative)
{
	char *path = test_data_path(relative);
	size_t len;
	char *data = test_read_file(path, &len);
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	free(data);
	free(path);
	return r;
}

START_TEST(libzip_loaded_by_the_first_archive)
{
	struct govreport *r;

	ck_assert_msg(!libzip_loaded(), "%s is loaded at start", GR_LIBZIP_SONAME);
	r = parse_file("corpus/004-as-tab/input.txt");
	ck_assert_str_eq(govreport_organ(r), "鲤城区人民政府临江街道办事处");
	govreport_free(r);
	ck_assert_msg(!libzip_loaded(), "parsing text loaded %s", GR_LIBZIP_SONAME);

	r = parse_file("input/docx/corpus-002-figures/input.docx");
	ck_assert_str_eq(govreport_organ(r), "绿园区民政局");
	govreport_free(r);
	ck_assert(libzip_loaded());
	r = parse_file("input/odt/corpus-002-figures/input.odt");
	ck_assert_str_eq(govreport_organ(r), "绿园区民政局");
	govreport_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("zipload");
	TCase *tc = tcase_create("zipload");

	tcase_add_test(tc, libzip_loaded_by_the_first_archive);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
