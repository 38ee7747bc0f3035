//! Messages of the command line: the help text of every command and option, and usage errors
//! (what clap found wrong, said in the clerk's language).

use super::{List, Message, messages};

messages! {
    pub enum Usage;

    // Help text.
    About => "U0001",
        en: "Văn bản theo Nghị định 30/2020/NĐ-CP từ bản ghi TOML",
        vi: "Văn bản theo Nghị định 30/2020/NĐ-CP từ bản ghi TOML";
    LangHelp => "U0002",
        en: "Language of messages: en or vi (default: from LC_ALL, LC_MESSAGES, LANG, else the system)",
        vi: "Ngôn ngữ thông báo: en hoặc vi (mặc định: theo LC_ALL, LC_MESSAGES, LANG, nếu không thì theo hệ điều hành)";
    RenderAbout => "U0010",
        en: "Render records (files or folders, default plans/) into .docx files",
        vi: "Kết xuất bản ghi (tệp hoặc thư mục, mặc định plans/) thành tệp .docx";
    Paths => "U0011",
        en: "Records or folders of records (default plans/)",
        vi: "Bản ghi hoặc thư mục bản ghi (mặc định plans/)";
    OutMirrored => "U0012",
        en: "Output folder; folder structure below the inputs is mirrored",
        vi: "Thư mục đầu ra; giữ nguyên cấu trúc thư mục của đầu vào";
    Out => "U0013",
        en: "Output folder",
        vi: "Thư mục đầu ra";
    TemplatesFolder => "U0014",
        en: "Folder whose templates replace the built-in ones of the same name",
        vi: "Thư mục chứa mẫu thay cho mẫu có sẵn cùng tên";
    AsOf => "U0015",
        en: "Show progress as of this date (YYYY-MM-DD), overriding the records' tinh_den",
        vi: "Tiến độ tính đến ngày này (YYYY-MM-DD), thay cho tinh_den của bản ghi";
    Force => "U0016",
        en: "Render every record, even those unchanged since their output was written",
        vi: "Kết xuất mọi bản ghi, kể cả bản ghi không đổi từ lần ghi trước";
    Quiet => "U0017",
        en: "No progress bar and no per-file lines; errors and the summary still print",
        vi: "Không hiện thanh tiến trình và từng tệp; vẫn in lỗi và dòng tổng kết";
    Jobs => "U0018",
        en: "Worker threads (default: one per core)",
        vi: "Số luồng làm việc (mặc định: mỗi lõi một luồng)";
    Pdf => "U0019",
        en: "Also write a PDF beside each .docx, through LibreOffice headless",
        vi: "Ghi thêm PDF cạnh mỗi tệp .docx, qua LibreOffice chạy nền";
    CheckAbout => "U0020",
        en: "Check records and templates by rendering in memory; nothing is written",
        vi: "Kiểm tra bản ghi và mẫu bằng cách kết xuất trong bộ nhớ; không ghi tệp nào";
    Format => "U0021",
        en: "`text` for people, `json` for scripts",
        vi: "`text` để đọc, `json` cho chương trình";
    WatchAbout => "U0030",
        en: "Render, then render again whenever a record or a template changes, until interrupted",
        vi: "Kết xuất, rồi kết xuất lại mỗi khi bản ghi hoặc mẫu thay đổi, đến khi dừng";
    NewAbout => "U0040",
        en: "Write a complete, commented record of a kind to start from (it renders as it is)",
        vi: "Ghi một bản ghi mẫu đầy đủ, có chú thích, để bắt đầu (kết xuất được ngay)";
    NewKind => "U0041",
        en: "ke-hoach, bao-cao, cong-van or phu-luc (a Công văn with its appendix in a file of its own)",
        vi: "ke-hoach, bao-cao, cong-van hoặc phu-luc (Công văn kèm phụ lục ở tệp riêng)";
    NewPath => "U0042",
        en: "The record to create, e.g. plans/so-noi-vu/ke-hoach-2026.toml",
        vi: "Bản ghi sẽ tạo, ví dụ plans/so-noi-vu/ke-hoach-2026.toml";
    TemplatesAbout => "U0050",
        en: "Write the built-in templates into a folder for editing (existing files are kept)",
        vi: "Ghi các mẫu có sẵn ra thư mục để sửa (giữ nguyên tệp đã có)";
    TemplatesTarget => "U0051",
        en: "Folder to write the templates into",
        vi: "Thư mục để ghi các mẫu vào";
    ProgressAbout => "U0060",
        en: "Record a progress update for one item of a plan, editing the TOML in place",
        vi: "Ghi tiến độ cho một mục của kế hoạch, sửa trực tiếp tệp TOML";
    Plan => "U0061",
        en: "The plan record",
        vi: "Bản ghi kế hoạch";
    Item => "U0062",
        en: "Criterion code (ma) or number in the progress appendix; with --task, a task number",
        vi: "Mã tiêu chí (ma) hoặc số thứ tự trong phụ lục tiến độ; với --task, số thứ tự nhiệm vụ";
    Task => "U0063",
        en: "The item is a task of [[nhom]], numbered 1, 2, … across groups",
        vi: "Mục là nhiệm vụ của [[nhom]], đánh số 1, 2, … liên tục qua các nhóm";
    Sub => "U0064",
        en: "Sub-criterion number (1 for the first [[tieu_chi.con]])",
        vi: "Số thứ tự tiêu chí con (1 là [[tieu_chi.con]] đầu tiên)";
    Status => "U0065",
        en: "hoan-thanh, dang-thuc-hien, chua-thuc-hien or khong-the-thuc-hien",
        vi: "hoan-thanh, dang-thuc-hien, chua-thuc-hien hoặc khong-the-thuc-hien";
    Date => "U0066",
        en: "Date of the update (YYYY-MM-DD)",
        vi: "Ngày cập nhật (YYYY-MM-DD)";
    Text => "U0067",
        en: "What was done, e.g. \"Đã hoàn thành 06/10 nhiệm vụ\"",
        vi: "Kết quả, ví dụ \"Đã hoàn thành 06/10 nhiệm vụ\"";
    ChangesAbout => "U0070",
        en: "List the items whose progress changed between two dates",
        vi: "Liệt kê các mục có tiến độ thay đổi giữa hai ngày";
    From => "U0071",
        en: "First date (YYYY-MM-DD)",
        vi: "Ngày đầu (YYYY-MM-DD)";
    To => "U0072",
        en: "Last date (YYYY-MM-DD)",
        vi: "Ngày cuối (YYYY-MM-DD)";
    PullAbout => "U0120",
        en: "Bring the corrections made in Word or LibreOffice to a rendered .docx back into its record",
        vi: "Đưa các chỗ sửa trong Word hoặc LibreOffice trên tệp .docx đã sinh về lại bản ghi";
    PullDocx => "U0121",
        en: "The .docx vanban rendered and a person then edited",
        vi: "Tệp .docx do vanban sinh ra rồi được sửa";
    PullRecord => "U0122",
        en: "The record it was rendered from, when it is not found by itself",
        vi: "Bản ghi đã sinh ra tệp, khi vanban không tự tìm thấy";
    PullDate => "U0123",
        en: "Date of the progress entries made from edited Tiến độ cells (YYYY-MM-DD); the document's date by default",
        vi: "Ngày của các mục tiến độ lấy từ ô Tiến độ đã sửa (YYYY-MM-DD); mặc định là ngày của văn bản";
    PullApply => "U0124",
        en: "Write the changes into the record (without it, nothing is written)",
        vi: "Ghi các thay đổi vào bản ghi (không có tùy chọn này thì không ghi gì)";
    PreviewAbout => "U0090",
        en: "Write PNG images of the pages of records or of .docx files vanban wrote, through LibreOffice and pdftoppm",
        vi: "Ghi ảnh PNG các trang của bản ghi hoặc của tệp .docx do vanban ghi, qua LibreOffice và pdftoppm";
    PreviewPaths => "U0091",
        en: "Records, folders of records or .docx files vanban wrote (default plans/)",
        vi: "Bản ghi, thư mục bản ghi hoặc tệp .docx do vanban ghi (mặc định plans/)";
    PreviewOut => "U0092",
        en: "Folder of the images; folder structure below the inputs is mirrored",
        vi: "Thư mục chứa ảnh; giữ nguyên cấu trúc thư mục của đầu vào";
    Pages => "U0093",
        en: "Only the first N pages of each document",
        vi: "Chỉ N trang đầu của mỗi văn bản";
    Dpi => "U0094",
        en: "Resolution of the images in dots per inch",
        vi: "Độ phân giải của ảnh, tính bằng điểm trên mỗi inch";
    Sheet => "U0095",
        en: "One image per document with its pages side by side, instead of one per page",
        vi: "Mỗi văn bản một ảnh với các trang đặt cạnh nhau, thay vì mỗi trang một ảnh";
    PdfA => "U0096",
        en: "Write the PDFs as PDF/A-2b, for archiving (implies --pdf)",
        vi: "Ghi PDF theo chuẩn PDF/A-2b để lưu trữ (bao gồm --pdf)";
    HelpFlag => "U0080",
        en: "Print help",
        vi: "In trợ giúp";
    VersionFlag => "U0081",
        en: "Print version",
        vi: "In phiên bản";
    HelpCommand => "U0082",
        en: "Print this message or the help of the given subcommand(s)",
        vi: "In trợ giúp này hoặc trợ giúp của (các) lệnh đã cho";
    HelpTemplate => "U0083",
        en: "{{about-with-newline}}\nUsage: {{usage}}\n",
        vi: "{{about-with-newline}}\nCách dùng: {{usage}}\n";
    HelpCommands => "U0084",
        en: "\nCommands:\n{{subcommands}}\n",
        vi: "\nLệnh:\n{{subcommands}}\n";
    HelpArguments => "U0085",
        en: "\nArguments:\n{{positionals}}\n",
        vi: "\nTham số:\n{{positionals}}\n";
    HelpOptions => "U0086",
        en: "\nOptions:\n{{options}}\n",
        vi: "\nTùy chọn:\n{{options}}\n";

    // Usage errors.
    UnexpectedArgument { arg: String } => "U0100",
        en: "unexpected argument '{arg}' found",
        vi: "không có tham số '{arg}'";
    UnknownCommand { command: String } => "U0101",
        en: "unrecognized subcommand '{command}'",
        vi: "không có lệnh '{command}'";
    InvalidValue { value: String, arg: String } => "U0102",
        en: "invalid value '{value}' for '{arg}'",
        vi: "giá trị '{value}' không hợp lệ cho '{arg}'";
    InvalidValueBecause { value: String, arg: String, cause: Box<Message> } => "U0103",
        en: "invalid value '{value}' for '{arg}': {cause}",
        vi: "giá trị '{value}' không hợp lệ cho '{arg}': {cause}";
    ValueRequired { arg: String } => "U0104",
        en: "a value is required for '{arg}' but none was supplied",
        vi: "'{arg}' cần một giá trị nhưng chưa có";
    MissingArguments { args: List } => "U0105",
        en: "the following required arguments were not provided: {args}",
        vi: "thiếu các tham số bắt buộc sau: {args}";
    MissingCommand => "U0106",
        en: "a command is required",
        vi: "cần một lệnh";
    UsedTwice { arg: String } => "U0107",
        en: "the argument '{arg}' cannot be used multiple times",
        vi: "tham số '{arg}' chỉ được dùng một lần";
    WrongUsage => "U0108",
        en: "the command line cannot be read",
        vi: "không hiểu dòng lệnh";
    DefaultValue { value: String } => "U0087",
        en: "[default: {value}]",
        vi: "[mặc định: {value}]";
    PossibleValues { values: List } => "U0110",
        en: "[possible values: {values}]",
        vi: "[giá trị có thể dùng: {values}]";
    SimilarCommand { command: String } => "U0111",
        en: "tip: a similar subcommand exists: '{command}'",
        vi: "gợi ý: có lệnh tương tự: '{command}'";
    SimilarArgument { arg: String } => "U0112",
        en: "tip: a similar argument exists: '{arg}'",
        vi: "gợi ý: có tham số tương tự: '{arg}'";
    UsageLine { usage: String } => "U0114",
        en: "Usage: {usage}",
        vi: "Cách dùng: {usage}";
    MoreInformation => "U0115",
        en: "For more information, try '--help'.",
        vi: "Xem thêm: '--help'.";
}
