/*
 * The plugin side of a Java CMS (TRS WCM, Hanweb jcms …): check an
 * uploaded report with libgovreport through JNA and give the annotated
 * HTML page to show the editor before the report goes online.
 *
 *     java -cp /usr/share/java/jna.jar CheckReport.java report.docx > check.html
 *
 * (Debian: libjna-java; Java 11 or later runs the source file as it is.)
 * The library is GOVREPORT_LIBRARY when set (a path), else libgovreport
 * from the system's library path. The page goes to standard output; the
 * exit status is 0 for a report without errors, 1 when checking found
 * errors (a plugin refuses to publish it), 2 when the file is unusable
 * (the reason on standard error). A .txt, .md, .html, .docx or .odt file
 * is read from its bytes; a PDF needs `govreport render` (pdftotext).
 */
import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

public final class CheckReport {
	/** C's size_t, whatever its width on this machine. */
	public static final class SizeT extends IntegerType {
		public SizeT() {
			this(0);
		}

		public SizeT(long value) {
			super(Native.SIZE_T_SIZE, value, true);
		}
	}

	/** The functions of govreport.h this program calls; enums are ints. */
	public interface GovReport extends Library {
		int govreport_parse(byte[] data, SizeT len, int flags, PointerByReference out);
		int govreport_validate(Pointer report, int flags);
		SizeT govreport_diag_count(Pointer report);
		int govreport_diag_severity(Pointer report, SizeT i);
		int govreport_render(Pointer report, int format, int flags, PointerByReference out,
				     Pointer len);
		String govreport_status_str(int status);
		void govreport_string_free(Pointer string);
		void govreport_free(Pointer report);
	}

	/* Values from govreport.h. */
	static final int GOVREPORT_OK = 0;
	static final int GOVREPORT_SEVERITY_ERROR = 2;
	static final int GOVREPORT_RENDER_HTML = 0;
	static final int GOVREPORT_RENDER_ANNOTATE = 1 << 15;

	/** What checking an upload gives a plugin: the page, and the errors. */
	public static final class Checked {
		public final byte[] page;
		public final long errors;

		Checked(byte[] page, long errors) {
			this.page = page;
			this.errors = errors;
		}
	}

	/** A report's bytes checked; the reason in the exception if unusable. */
	public static Checked check(GovReport lib, byte[] data) throws IOException {
		PointerByReference reportRef = new PointerByReference();
		int status = lib.govreport_parse(data, new SizeT(data.length), 0, reportRef);
		if (status != GOVREPORT_OK)
			throw new IOException(lib.govreport_status_str(status));
		Pointer report = reportRef.getValue();
		try {
			// The page shows what checking finds, not parsing alone.
			status = lib.govreport_validate(report, 0);
			PointerByReference page = new PointerByReference();
			Memory length = new Memory(Native.SIZE_T_SIZE);
			if (status == GOVREPORT_OK)
				status = lib.govreport_render(report, GOVREPORT_RENDER_HTML,
							      GOVREPORT_RENDER_ANNOTATE, page, length);
			if (status != GOVREPORT_OK)
				throw new IOException(lib.govreport_status_str(status));
			long size = Native.SIZE_T_SIZE == 8 ? length.getLong(0) : length.getInt(0);
			byte[] html = page.getValue().getByteArray(0, Math.toIntExact(size));
			lib.govreport_string_free(page.getValue());

			long errors = 0, count = lib.govreport_diag_count(report).longValue();
			for (long i = 0; i < count; i++)
				if (lib.govreport_diag_severity(report, new SizeT(i)) == GOVREPORT_SEVERITY_ERROR)
					errors++;
			return new Checked(html, errors);
		} finally {
			lib.govreport_free(report);
		}
	}

	public static void main(String[] args) {
		if (args.length != 1) {
			System.err.println("usage: CheckReport FILE");
			System.exit(2);
		}
		String library = System.getenv("GOVREPORT_LIBRARY");
		GovReport lib = Native.load(library != null ? library : "govreport", GovReport.class);
		byte[] data;
		Checked checked;
		try {
			data = Files.readAllBytes(Paths.get(args[0]));
		} catch (IOException e) {
			System.err.println(args[0] + ": cannot read it (" + e.getClass().getSimpleName() + ")");
			System.exit(2);
			return;
		}
		try {
			checked = check(lib, data);
		} catch (IOException e) {
			System.err.println(args[0] + ": " + e.getMessage());
			System.exit(2);
			return;
		}
		System.out.write(checked.page, 0, checked.page.length);
		System.out.flush();
		if (System.out.checkError()) {
			System.err.println("cannot write the page");
			System.exit(2);
		}
		System.exit(checked.errors > 0 ? 1 : 0);
	}
}
