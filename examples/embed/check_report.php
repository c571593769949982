<?php
/*
 * The plugin side of a PHP CMS: check an uploaded report with libgovreport
 * through PHP's FFI extension and give the annotated HTML page to show the
 * editor before the report goes online.
 *
 *     php -d ffi.enable=1 check_report.php report.docx > check.html
 *
 * (Debian: php-cli, which has FFI; the CLI allows it by default, a web
 * server's PHP needs ffi.enable=1 or a preloaded script.) The library is
 * GOVREPORT_LIBRARY when set (a path), else libgovreport.so.1 from the
 * system's library path. The page goes to standard output; the exit status
 * is 0 for a report without errors, 1 when checking found errors (a plugin
 * refuses to publish it), 2 when the file is unusable (the reason on
 * standard error). A .txt, .md, .html, .docx or .odt file is read from its
 * bytes; a PDF needs `govreport render` (pdftotext).
 */

// The functions of govreport.h this program calls; enums are ints.
const GOVREPORT_DECLARATIONS = '
	struct govreport;
	int govreport_parse(const char *data, size_t len, unsigned flags,
			    struct govreport **out);
	int govreport_validate(struct govreport *report, unsigned flags);
	size_t govreport_diag_count(const struct govreport *report);
	int govreport_diag_severity(const struct govreport *report, size_t i);
	int govreport_render(const struct govreport *report, int format,
			     unsigned flags, char **out, size_t *len);
	const char *govreport_status_str(int status);
	void govreport_string_free(char *string);
	void govreport_free(struct govreport *report);
';
// Values from govreport.h.
const GOVREPORT_OK = 0;
const GOVREPORT_SEVERITY_ERROR = 2;
const GOVREPORT_RENDER_HTML = 0;
const GOVREPORT_RENDER_ANNOTATE = 1 << 15;

/*
 * A report's bytes checked: [the annotated page, the number of errors].
 * Throws RuntimeException with the library's reason when it is unusable.
 */
function govreport_check(FFI $lib, string $data): array
{
	$report = $lib->new('struct govreport *');
	$status = $lib->govreport_parse($data, strlen($data), 0, FFI::addr($report));
	if ($status !== GOVREPORT_OK)
		throw new RuntimeException($lib->govreport_status_str($status));
	try {
		// The page shows what checking finds, not parsing alone.
		$status = $lib->govreport_validate($report, 0);
		$page = $lib->new('char *');
		$length = $lib->new('size_t');
		if ($status === GOVREPORT_OK)
			$status = $lib->govreport_render($report, GOVREPORT_RENDER_HTML,
							 GOVREPORT_RENDER_ANNOTATE,
							 FFI::addr($page), FFI::addr($length));
		if ($status !== GOVREPORT_OK)
			throw new RuntimeException($lib->govreport_status_str($status));
		$html = FFI::string($page, $length->cdata);
		$lib->govreport_string_free($page);

		$errors = 0;
		$count = $lib->govreport_diag_count($report);
		for ($i = 0; $i < $count; $i++)
			if ($lib->govreport_diag_severity($report, $i) === GOVREPORT_SEVERITY_ERROR)
				$errors++;
		return [$html, $errors];
	} finally {
		$lib->govreport_free($report);
	}
}

if ($argc !== 2) {
	fwrite(STDERR, "usage: php check_report.php FILE\n");
	exit(2);
}
$lib = FFI::cdef(GOVREPORT_DECLARATIONS, getenv('GOVREPORT_LIBRARY') ?: 'libgovreport.so.1');
$data = @file_get_contents($argv[1]);
if ($data === false) {
	fwrite(STDERR, $argv[1] . ": cannot read it\n");
	exit(2);
}
try {
	[$html, $errors] = govreport_check($lib, $data);
} catch (RuntimeException $e) {
	fwrite(STDERR, $argv[1] . ': ' . $e->getMessage() . "\n");
	exit(2);
}
if (fwrite(STDOUT, $html) !== strlen($html)) {
	fwrite(STDERR, "cannot write the page\n");
	exit(2);
}
exit($errors > 0 ? 1 : 0);
