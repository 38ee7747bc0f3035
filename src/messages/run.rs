//! Messages of running a command: how a problem is labelled, reading inputs, writing outputs,
//! templates, PDFs through LibreOffice, `progress`, `new`, `watch`, `changes` and the lines
//! that report what was done.

use std::path::PathBuf;

use super::{List, Message, Seconds, messages};

messages! {
    pub enum Run;

    /// Leads an error line.
    LabelError => "L0001",
        en: "error",
        vi: "lỗi";
    /// Leads a warning line.
    LabelWarning => "L0002",
        en: "warning",
        vi: "cảnh báo";
    /// Leads a line that says what vanban did instead of what was asked.
    LabelNote => "L0004",
        en: "note",
        vi: "lưu ý";
    /// Leads the line that says what to do.
    LabelHelp => "L0003",
        en: "help",
        vi: "gợi ý";

    // What the operating system answered.
    /// The file or folder is not there.
    IoNotFound => "E0201",
        en: "no such file or folder",
        vi: "không có tệp hoặc thư mục này";
    /// The operating system refused access.
    IoPermissionDenied => "E0202",
        en: "permission denied",
        vi: "không có quyền truy cập";
    /// Something is already at that path.
    IoAlreadyExists => "E0203",
        en: "a file with that name already exists",
        vi: "đã có tệp trùng tên";
    /// A folder stands where a file was expected, or the reverse.
    IoNotAFolder => "E0204",
        en: "a file stands where a folder is needed",
        vi: "có một tệp ở chỗ cần một thư mục";
    /// Another program (Word) holds the file open (`output::held_open`).
    IoLocked => "E0205",
        en: "the file is open in another program, such as Word: close it there and render again",
        vi: "tệp đang mở trong một chương trình khác, chẳng hạn Word: hãy đóng tệp ở đó rồi kết xuất lại";
    /// Any other answer of the operating system, in its own words.
    IoOther { detail: String } => "E0206",
        en: "{detail}",
        vi: "lỗi hệ thống: {detail}";

    // Reading inputs.
    /// A path on the command line that is neither a record nor a folder.
    NoSuchInput => "E0210",
        en: "no such file or folder",
        vi: "không có tệp hoặc thư mục này";
    GiveRecordOrFolder => "H0210",
        en: "give a .toml record or a folder of records",
        vi: "hãy chỉ ra một bản ghi .toml hoặc một thư mục bản ghi";
    CannotReadFolder { cause: Box<Message> } => "E0211",
        en: "cannot read the folder: {cause}",
        vi: "không đọc được thư mục: {cause}";
    CannotReadRecord { cause: Box<Message> } => "E0212",
        en: "cannot read the record: {cause}",
        vi: "không đọc được bản ghi: {cause}";
    CheckPathAndPermissions => "H0212",
        en: "check the path and permissions",
        vi: "kiểm tra đường dẫn và quyền truy cập";
    CannotReadPlan { cause: Box<Message> } => "E0213",
        en: "cannot read the plan: {cause}",
        vi: "không đọc được kế hoạch: {cause}";
    /// Two records would write the same output file.
    SameOutput { output: PathBuf, first: PathBuf } => "E0214",
        en: "would write {output} like {first} does",
        vi: "sẽ ghi {output} trùng với {first}";
    UseDifferentOutFolders => "H0214",
        en: "render the two records into different --out folders",
        vi: "kết xuất hai bản ghi này vào các thư mục --out khác nhau";

    // Writing outputs.
    /// Writing an output failed; the previous one is intact.
    CannotWrite { path: PathBuf, cause: Box<Message> } => "E0220",
        en: "cannot write {path}: {cause}",
        vi: "không ghi được {path}: {cause}";
    /// A mirrored path that would climb out of the output folder.
    OutsideOutputFolder => "E0221",
        en: "the output path would leave the output folder",
        vi: "đường dẫn đầu ra sẽ ra ngoài thư mục đầu ra";
    InternalWriteError { detail: String } => "E0222",
        en: "internal error while writing the document: {detail}",
        vi: "lỗi nội bộ khi ghi văn bản: {detail}";
    ReportWithRecord => "H0222",
        en: "please report this with the record attached",
        vi: "xin báo lỗi này kèm theo bản ghi";

    // Templates.
    NoTemplatesFolder => "E0229",
        en: "the templates folder does not exist",
        vi: "không có thư mục mẫu này";
    GiveTemplatesFolder => "H0229",
        en: "give the folder that `vanban templates` wrote, or leave --templates out to use the built-in templates",
        vi: "chỉ ra thư mục mà `vanban templates` đã ghi, hoặc bỏ --templates để dùng các mẫu có sẵn";
    CannotReadTemplate { cause: Box<Message> } => "E0230",
        en: "cannot read the template: {cause}",
        vi: "không đọc được mẫu: {cause}";
    /// Tera refused a template; `detail` is the template engine's own account.
    TemplateError { record: PathBuf, detail: String } => "E0231",
        en: "template error while rendering {record}\n{detail}",
        vi: "lỗi mẫu khi kết xuất {record}\n{detail}";
    /// Tera refused a template before any record was rendered.
    TemplateErrorAlone { detail: String } => "E0232",
        en: "template error\n{detail}",
        vi: "lỗi mẫu\n{detail}";
    FixTemplate => "H0231",
        en: "fix the template, or remove it from the templates folder to use the built-in one",
        vi: "sửa mẫu, hoặc bỏ nó khỏi thư mục mẫu để dùng mẫu có sẵn";
    /// The block markup a template produced cannot be read.
    InvalidMarkup { record: PathBuf, line: usize, problem: Box<Message>, text: String } => "E0233",
        en: "the template produced invalid markup while rendering {record}, line {line} of the rendered markup: {problem}: `{text}`",
        vi: "mẫu sinh ra đánh dấu không hợp lệ khi kết xuất {record}, dòng {line} của đánh dấu đã kết xuất: {problem}: `{text}`";
    CheckDirectives => "H0233",
        en: "check the template's @ directives (README \"Templates\")",
        vi: "kiểm tra các chỉ thị @ của mẫu (mục \"Templates\" của README)";
    MarkupTableWidths => "E0234",
        en: "@table takes relative column widths",
        vi: "@table cần độ rộng tương đối của các cột";
    MarkupTableNoWidths => "E0235",
        en: "@table needs one or more non-zero widths",
        vi: "@table cần ít nhất một độ rộng khác 0";
    MarkupRowKind => "E0236",
        en: "@row takes header, body, group or total",
        vi: "@row chỉ nhận header, body, group hoặc total";
    MarkupCellBar => "E0237",
        en: "@cell needs `|` before its text",
        vi: "@cell cần dấu `|` trước nội dung";
    MarkupCellBeforeRow => "E0238",
        en: "@cell before any @row",
        vi: "@cell đứng trước mọi @row";
    MarkupCellAttribute { attribute: String } => "E0239",
        en: "unknown cell attribute `{attribute}`",
        vi: "không có thuộc tính ô `{attribute}`";
    MarkupRowWidth { row: usize, used: usize, columns: usize } => "E0246",
        en: "row {row} fills {used} of {columns} columns",
        vi: "hàng {row} chiếm {used} trên {columns} cột";
    MarkupInsideTable => "E0247",
        en: "only @row, @cell and @end may appear inside a table",
        vi: "trong bảng chỉ được có @row, @cell và @end";
    MarkupFourthLevel => "E0227",
        en: "@sub under a third-level heading: ND30 has no fourth level",
        vi: "@sub dưới đề mục cấp ba: Nghị định 30 không có cấp thứ tư";
    MarkupSkippedLevel { level: u8, depth: u8, next: u8 } => "E0228",
        en: "a level-{level} heading under a level-{depth} one skips a level; use @h{next} or @sub",
        vi: "đề mục cấp {level} dưới đề mục cấp {depth} là nhảy cấp; dùng @h{next} hoặc @sub";
    MarkupUnknownDirective => "E0248",
        en: "unknown directive",
        vi: "chỉ thị không tồn tại";
    MarkupTableNotClosed => "E0249",
        en: "a table is not closed with @end",
        vi: "bảng chưa được đóng bằng @end";
    AllTemplatesExist { folder: PathBuf } => "I0230",
        en: "all templates already exist in {folder}",
        vi: "mọi mẫu đã có sẵn trong {folder}";

    // PDF.
    NoOffice => "E0240",
        en: "LibreOffice is needed to write PDFs and was not found",
        vi: "cần LibreOffice để ghi PDF nhưng không tìm thấy";
    InstallOffice => "H0240",
        en: "install LibreOffice and the Liberation fonts: on Debian/Ubuntu `sudo apt-get install libreoffice-writer-nogui fonts-liberation fonts-liberation2`; on Windows install LibreOffice from libreoffice.org (found in Program Files or Program Files (x86) by itself); or set VANBAN_OFFICE to the soffice program",
        vi: "cài LibreOffice và bộ phông Liberation: trên Debian/Ubuntu `sudo apt-get install libreoffice-writer-nogui fonts-liberation fonts-liberation2`; trên Windows cài LibreOffice từ libreoffice.org (vanban tự tìm trong Program Files hoặc Program Files (x86)); hoặc đặt VANBAN_OFFICE là đường dẫn tới chương trình soffice";
    CannotStartOffice { cause: Box<Message> } => "E0241",
        en: "cannot start LibreOffice: {cause}",
        vi: "không khởi động được LibreOffice: {cause}";
    CannotWaitForOffice { cause: Box<Message> } => "E0242",
        en: "cannot wait for LibreOffice: {cause}",
        vi: "không chờ được LibreOffice: {cause}";
    /// LibreOffice exited with an error; `detail` is what it printed.
    OfficeFailed { status: String, detail: String } => "E0243",
        en: "LibreOffice failed ({status}): {detail}",
        vi: "LibreOffice lỗi ({status}): {detail}";
    OfficeTimedOut { seconds: u64 } => "E0244",
        en: "LibreOffice did not finish within {seconds} s and was stopped",
        vi: "LibreOffice không xong trong {seconds} giây nên đã bị dừng";
    TryAgain => "H0244",
        en: "try again; if it keeps happening, open the .docx in LibreOffice",
        vi: "thử lại; nếu vẫn lỗi, mở tệp .docx bằng LibreOffice";
    OfficeInterrupted => "E0292",
        en: "interrupted: LibreOffice was stopped and no PDF of this folder was written",
        vi: "đã bị ngắt: LibreOffice đã dừng và không PDF nào của thư mục này được ghi";
    ProfileNotAbsolute { cause: Box<Message> } => "E0290",
        en: "cannot make the profile folder's path absolute: {cause}",
        vi: "không lấy được đường dẫn tuyệt đối của thư mục hồ sơ LibreOffice: {cause}";
    ProfileNotUrl => "E0291",
        en: "cannot write the profile folder's path as a file URL",
        vi: "không viết được đường dẫn thư mục hồ sơ LibreOffice thành URL tệp";
    NoPdfWritten => "E0245",
        en: "LibreOffice wrote no PDF for this file",
        vi: "LibreOffice không ghi ra PDF cho tệp này";
    OpenInOffice => "H0245",
        en: "open the .docx in LibreOffice to see why it cannot be converted",
        vi: "mở tệp .docx bằng LibreOffice để xem vì sao không chuyển được";

    // vanban new.
    NoScaffold { kind: String } => "E0250",
        en: "no scaffold for `{kind}`",
        vi: "không có bản ghi mẫu cho `{kind}`";
    NotTomlName => "E0251",
        en: "a record's file name must end in .toml",
        vi: "tên tệp bản ghi phải kết thúc bằng .toml";
    RenderLooksForToml => "H0251",
        en: "vanban render looks for *.toml files in folders",
        vi: "vanban render tìm các tệp *.toml trong thư mục";
    AlreadyExists => "E0252",
        en: "already exists; vanban new never replaces a file",
        vi: "đã tồn tại; vanban new không bao giờ ghi đè tệp";
    ChooseAnotherName => "H0252",
        en: "choose another name, or delete the file first",
        vi: "chọn tên khác, hoặc xóa tệp đó trước";
    WroteScaffold { path: PathBuf } => "I0250",
        en: "wrote {path}; edit it, then: vanban render {path}",
        vi: "đã ghi {path}; sửa nội dung, rồi chạy: vanban render {path}";

    // vanban progress.
    UnknownStatus { status: String } => "E0260",
        en: "unknown status `{status}`",
        vi: "không có trạng thái `{status}`";
    NotADate { text: String } => "E0261",
        en: "`{text}` is not a date",
        vi: "`{text}` không phải là ngày";
    WriteDate => "H0261",
        en: "write the date as YYYY-MM-DD",
        vi: "viết ngày dạng YYYY-MM-DD";
    /// A date on the command line that is not YYYY-MM-DD.
    DateArgument { text: String } => "E0270",
        en: "`{text}` is not a date; write YYYY-MM-DD",
        vi: "`{text}` không phải là ngày; viết YYYY-MM-DD";
    NotATaskNumber { text: String } => "E0262",
        en: "`{text}` is not a task number",
        vi: "`{text}` không phải số thứ tự nhiệm vụ";
    TasksNumbered => "H0262",
        en: "tasks are numbered 1, 2, … across all groups",
        vi: "nhiệm vụ được đánh số 1, 2, … liên tục qua các nhóm";
    NoTask { number: usize } => "E0263",
        en: "no task {number} in this plan",
        vi: "kế hoạch này không có nhiệm vụ {number}";
    NoCriterion { item: String } => "E0264",
        en: "no criterion `{item}` in this plan",
        vi: "kế hoạch này không có tiêu chí `{item}`";
    GiveCriterion => "H0264",
        en: "give a criterion code (ma) or its number in the progress appendix",
        vi: "ghi mã tiêu chí (ma) hoặc số thứ tự của nó trong phụ lục tiến độ";
    NoSubCriterion { item: String, number: usize } => "E0265",
        en: "criterion `{item}` has no sub-criterion {number}",
        vi: "tiêu chí `{item}` không có tiêu chí con thứ {number}";
    HasSubCriteria { count: usize } => "H0265",
        en: "it has {count} sub-criteria",
        vi: "tiêu chí này có {count} tiêu chí con";
    ProgressBelongsToSub { item: String } => "E0266",
        en: "criterion `{item}` has sub-criteria; progress belongs to one of them",
        vi: "tiêu chí `{item}` có tiêu chí con; tiến độ ghi cho một tiêu chí con";
    AddSub => "H0266",
        en: "add --sub N (1 for the first sub-criterion)",
        vi: "thêm --sub N (1 là tiêu chí con thứ nhất)";
    CannotEdit { detail: String } => "E0267",
        en: "cannot edit the record: {detail}",
        vi: "không sửa được bản ghi: {detail}";
    FixTomlFirst => "H0267",
        en: "fix the TOML first",
        vi: "hãy sửa TOML trước";
    /// A part of the plan `progress` edits is not written as the tables it expects.
    NotArrayOfTables { key: String, header: String } => "E0268",
        en: "`{key}` is not written as [[{header}]] tables",
        vi: "`{key}` không viết dạng bảng [[{header}]]";
    AddByHand => "H0268",
        en: "vanban progress edits [[…]] tables; add the entry by hand",
        vi: "vanban progress chỉ sửa được bảng [[…]]; hãy thêm mục này bằng tay";
    RemedyNotATable => "E0269",
        en: "`khac_phuc` is not a table",
        vi: "`khac_phuc` không phải là bảng";
    WriteRemedyTable => "H0269",
        en: "write it as [tieu_chi.khac_phuc]",
        vi: "hãy viết là [tieu_chi.khac_phuc]";
    Recorded { status: String, date: String, path: PathBuf } => "I0260",
        en: "recorded {status} on {date} in {path}",
        vi: "đã ghi {status} ngày {date} vào {path}";

    SameFileTwice { output: PathBuf, first: PathBuf, other: PathBuf } => "E0280",
        en: "would write {output}, the same file as {first} from {other}; neither record is written",
        vi: "sẽ ghi {output}, trùng tệp với {first} của {other}; không bản ghi nào được ghi";
    RenameOne => "H0280",
        en: "rename one of the two records (file names differing only in capitals are the same file on Windows and macOS)",
        vi: "đổi tên một trong hai bản ghi (tên tệp chỉ khác nhau ở chữ hoa, chữ thường là cùng một tệp trên Windows và macOS)";
    OutputLeaves { path: PathBuf } => "E0281",
        en: "the output {path} would leave the output folder",
        vi: "tệp đầu ra {path} sẽ nằm ngoài thư mục đầu ra";
    PlainName => "H0281",
        en: "rename the record to a plain name such as ke-hoach-2021.toml",
        vi: "đổi tên bản ghi thành một tên đơn giản như ke-hoach-2021.toml";
    KeptByHand => "E0282",
        en: "kept as it is: it was changed after vanban wrote it, so the new version was not written",
        vi: "giữ nguyên: tệp đã được sửa sau khi vanban ghi, nên bản mới không được ghi";
    CarryChanges => "H0282",
        en: "carry the changes into the record, then run vanban render --force to replace the file",
        vi: "đưa các chỗ đã sửa vào bản ghi, rồi chạy vanban render --force để thay tệp";
    KeptSummary { count: usize } => "I0282",
        en: "{count} kept because they were changed by hand; --force replaces them",
        vi: "giữ nguyên {count} tệp vì đã được sửa bằng tay; --force sẽ thay chúng";
    TooLarge { mebibytes: u64 } => "E0283",
        en: "the file is larger than {mebibytes} MiB, the most vanban reads as a record",
        vi: "tệp lớn hơn {mebibytes} MiB, mức lớn nhất vanban đọc cho một bản ghi";
    SplitRecord => "H0283",
        en: "split the record into several records, one per document",
        vi: "tách thành nhiều bản ghi, mỗi văn bản một bản ghi";
    NotRegularFile => "E0284",
        en: "not a regular file (a folder, device or pipe)",
        vi: "không phải tệp thông thường (mà là thư mục, thiết bị hoặc ống)";
    NotRegularInput => "E0285",
        en: "not a regular file (a device or pipe)",
        vi: "không phải tệp thông thường (mà là thiết bị hoặc ống)";
    GiveRecordPath => "H0284",
        en: "give the path of a .toml record",
        vi: "ghi đường dẫn của một bản ghi .toml";
    GivePlanPath => "H0285",
        en: "give the path of the plan's .toml record",
        vi: "ghi đường dẫn bản ghi .toml của kế hoạch";
    LinkLoop { ancestor: PathBuf } => "E0286",
        en: "a symbolic link loop back to {ancestor}",
        vi: "liên kết tượng trưng tạo vòng lặp về {ancestor}";
    RemoveLink => "H0286",
        en: "remove the link, or point it at a folder outside the loop",
        vi: "xóa liên kết, hoặc trỏ nó tới một thư mục ngoài vòng lặp";
    PlanReadOnly => "E0287",
        en: "the plan is read-only (or you may not write it); it was left as it is",
        vi: "kế hoạch chỉ cho đọc (hoặc bạn không có quyền ghi); tệp được giữ nguyên";
    MakeWritable => "H0287",
        en: "make the file writable first if this update belongs in it",
        vi: "hãy cho phép ghi tệp trước nếu cập nhật này thuộc về nó";
    NotUtf8Text => "E0288",
        en: "not UTF-8 text",
        vi: "không phải văn bản UTF-8";
    DateBeforePlan { date: String, start: String } => "W0201",
        en: "the date {date} is before the plan's own date {start}; recorded anyway",
        vi: "ngày {date} trước ngày của chính kế hoạch ({start}); vẫn đã ghi";
    DateAfterToday { date: String, today: String } => "W0202",
        en: "the date {date} is after today ({today}); recorded anyway",
        vi: "ngày {date} sau hôm nay ({today}); vẫn đã ghi";

    ThreadsLowered { asked: usize, most: usize, per_core: usize, cores: usize } => "I0207",
        en: "-j {asked} lowered to {most} ({per_core} × the {cores} cores of this machine)",
        vi: "-j {asked} được hạ xuống {most} ({per_core} × {cores} lõi của máy này)";
    FromAfterTo => "E0271",
        en: "the --from date is later than the --to date",
        vi: "ngày --from muộn hơn ngày --to";
    EarlierFirst => "H0271",
        en: "give the earlier date with --from and the later one with --to",
        vi: "ghi ngày sớm hơn với --from và ngày muộn hơn với --to";

    // Reports of what was done.
    Wrote { path: PathBuf } => "I0201",
        en: "wrote {path}",
        vi: "đã ghi {path}";
    Summary { written: usize, unchanged: usize, failed: usize, seconds: Seconds } => "I0202",
        en: "{written} written, {unchanged} unchanged, {failed} failed in {seconds} s",
        vi: "đã ghi {written}, không đổi {unchanged}, lỗi {failed}, trong {seconds} giây";
    SummaryWithPdfs { written: usize, unchanged: usize, failed: usize, pdfs: usize, seconds: Seconds } => "I0206",
        en: "{written} written, {unchanged} unchanged, {failed} failed, {pdfs} PDFs written in {seconds} s",
        vi: "đã ghi {written}, không đổi {unchanged}, lỗi {failed}, đã ghi {pdfs} PDF, trong {seconds} giây";
    Checked { checked: usize, failed: usize } => "I0203",
        en: "{checked} checked, {failed} failed",
        vi: "đã kiểm tra {checked}, lỗi {failed}";
    Watching { roots: List } => "I0204",
        en: "watching {roots} (Ctrl+C to stop)",
        vi: "đang theo dõi {roots} (Ctrl+C để dừng)";
    /// `watch`: a record went away but its output is still there.
    OutputStays { path: PathBuf } => "I0208",
        en: "{path} stays: its record was deleted or renamed; delete the file if it is no longer wanted",
        vi: "{path} vẫn còn: bản ghi của nó đã bị xóa hoặc đổi tên; hãy xóa tệp nếu không cần nữa";
    Changed { count: usize } => "I0205",
        en: "{count} changed",
        vi: "{count} mục thay đổi";
}

impl Run {
    /// What the operating system said, as a message: the usual cases in words of the
    /// language, anything else in the system's own words.
    pub fn io(error: &std::io::Error) -> Message {
        use std::io::ErrorKind;
        let message = match error.kind() {
            ErrorKind::NotFound => Run::IoNotFound,
            ErrorKind::PermissionDenied => Run::IoPermissionDenied,
            ErrorKind::AlreadyExists => Run::IoAlreadyExists,
            ErrorKind::NotADirectory => Run::IoNotAFolder,
            _ => Run::IoOther {
                detail: error.to_string(),
            },
        };
        message.into()
    }
}
