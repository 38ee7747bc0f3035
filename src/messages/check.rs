//! Messages about a record: what the TOML parser refused, said in the clerk's terms, the
//! common pasting mistakes with the right form to write, and every check vanban makes after
//! parsing (kinds, dates, signer, body, scores, progress, appendices, linked records).

use std::path::PathBuf;

use super::{List, Message, messages};
use crate::text::Decimal;

messages! {
    pub enum Check;

    // Keys and value types.
    UnknownKey { key: String } => "E0101",
        en: "unknown key `{key}`",
        vi: "không có khóa `{key}`";
    DidYouMean { best: String, keys: List } => "H0101",
        en: "did you mean `{best}`? Keys here: {keys}",
        vi: "có phải là `{best}`? Các khóa ở đây: {keys}";
    KeysHere { keys: List } => "H0102",
        en: "keys here: {keys}",
        vi: "các khóa ở đây: {keys}";
    /// A key of the record's top level written under a `[table]` header.
    MoveAboveTables { key: String } => "H0107",
        en: "`{key}` is a key of the whole record; written after a [table] header it belongs to that table: move it above the first [table] header",
        vi: "`{key}` là khóa của cả bản ghi; viết sau một tiêu đề [bảng] thì nó thuộc bảng đó: hãy chuyển lên trên tiêu đề [bảng] đầu tiên";
    MissingKey { key: String } => "E0102",
        en: "missing key `{key}`",
        vi: "thiếu khóa `{key}`";
    AddKey { key: String } => "H0103",
        en: "add `{key} = …` to this table; README \"Record format\" shows an example",
        vi: "thêm `{key} = …` vào bảng này; mục \"Record format\" của README có ví dụ";
    /// A value of the wrong type: `found` and `expected` are `Found…` and `Expected…` messages.
    InvalidType { found: Box<Message>, expected: Box<Message> } => "E0103",
        en: "invalid type: {found}, expected {expected}",
        vi: "sai kiểu: {found}, cần {expected}";
    WriteTypesRight => "H0104",
        en: "numbers and dates are written without quotes, text with quotes, lists in [ ]",
        vi: "số và ngày viết không có ngoặc kép, chữ viết trong ngoặc kép, danh sách trong [ ]";
    FoundText { text: String } => "T0101",
        en: "string \"{text}\"",
        vi: "chuỗi \"{text}\"";
    FoundWhole { text: String } => "T0102",
        en: "integer `{text}`",
        vi: "số nguyên `{text}`";
    FoundNumber { text: String } => "T0103",
        en: "floating point `{text}`",
        vi: "số thực `{text}`";
    FoundBoolean { text: String } => "T0104",
        en: "boolean `{text}`",
        vi: "giá trị đúng/sai `{text}`";
    FoundList => "T0105",
        en: "a list",
        vi: "một danh sách";
    FoundTable => "T0106",
        en: "a table",
        vi: "một bảng";
    FoundDate => "T0107",
        en: "a date",
        vi: "một ngày";
    ExpectedWhole => "T0111",
        en: "a whole number",
        vi: "một số nguyên";
    ExpectedNumber => "T0112",
        en: "a number",
        vi: "một số";
    ExpectedList => "T0113",
        en: "a list [ … ]",
        vi: "một danh sách [ … ]";
    ExpectedText => "T0114",
        en: "a string",
        vi: "một chuỗi";
    ExpectedDate => "T0115",
        en: "a date",
        vi: "một ngày";
    ExpectedBoolean => "T0116",
        en: "true or false",
        vi: "true hoặc false";
    ExpectedTable => "T0117",
        en: "a table",
        vi: "một bảng";
    ExpectedBlock => "T0118",
        en: "a paragraph (a string) or a table with one key: \"-\", \"+\", ghi_chu or chen",
        vi: "một đoạn văn (chuỗi) hoặc một bảng có một khóa: \"-\", \"+\", ghi_chu hoặc chen";
    /// A TOML date whose day does not exist in its month.
    DayOutOfRange { last: u32 } => "E0104",
        en: "invalid date, expected day between 01 and {last}",
        vi: "ngày không hợp lệ, cần ngày từ 01 đến {last}";
    MonthOutOfRange { last: u32 } => "E0117",
        en: "invalid date, expected month between 01 and {last}",
        vi: "ngày không hợp lệ, cần tháng từ 01 đến {last}";
    InvalidDate => "E0105",
        en: "invalid date",
        vi: "ngày không hợp lệ";
    WriteRealDate => "H0105",
        en: "write a real calendar date as YYYY-MM-DD, e.g. 2021-02-28",
        vi: "viết một ngày có thật dạng YYYY-MM-DD, ví dụ 2021-02-28";

    // TOML syntax.
    FixTomlHere => "H0106",
        en: "fix the TOML at this place; README \"Record format\" lists every key",
        vi: "sửa TOML tại chỗ này; mục \"Record format\" của README liệt kê mọi khóa";
    SyntaxUnclosedString => "E0106",
        en: "a string is not closed with its quote",
        vi: "chuỗi chưa có dấu ngoặc kép đóng";
    SyntaxMissingComma => "E0107",
        en: "missing comma between list items",
        vi: "thiếu dấu phẩy giữa các mục của danh sách";
    SyntaxMissingCommaInTable => "E0108",
        en: "missing comma between key-value pairs",
        vi: "thiếu dấu phẩy giữa các cặp khóa = giá trị";
    SyntaxMissingEquals => "E0109",
        en: "missing `=` between a key and its value",
        vi: "thiếu dấu `=` giữa khóa và giá trị";
    SyntaxUnquotedText => "E0110",
        en: "string values must be quoted",
        vi: "giá trị chữ phải đặt trong ngoặc kép";
    SyntaxUnclosedList => "E0111",
        en: "a list is not closed with `]`",
        vi: "danh sách chưa có dấu `]` đóng";
    SyntaxUnclosedTable => "E0112",
        en: "a table is not closed with `}}` or `]`",
        vi: "bảng chưa có dấu `}}` hoặc `]` đóng";
    SyntaxDuplicateKey { key: String } => "E0113",
        en: "the key `{key}` is written twice",
        vi: "khóa `{key}` được viết hai lần";
    SyntaxMissingValue => "E0114",
        en: "a key without a value",
        vi: "khóa chưa có giá trị";
    SyntaxAfterValue => "E0115",
        en: "unexpected text after a value; one key = value per line",
        vi: "có chữ thừa sau giá trị; mỗi dòng một cặp khóa = giá trị";
    SyntaxInvalidEscape => "E0116",
        en: "a backslash in a string starts an escape like \\n or \\\"",
        vi: "dấu gạch chéo ngược trong chuỗi bắt đầu một mã thoát như \\n hoặc \\\"";
    UseLiteralString => "H0116",
        en: "for a path or a backslash, use single quotes: thu_muc = 'C:\\Tai lieu'",
        vi: "với đường dẫn hoặc dấu gạch chéo ngược, dùng ngoặc đơn: thu_muc = 'C:\\Tai lieu'";
    SyntaxTooDeep => "E0118",
        en: "lists or tables are nested too deep to read",
        vi: "danh sách hoặc bảng lồng nhau quá sâu, không đọc được";
    SyntaxBadUnicodeEscape => "E0122",
        en: "a \\u escape needs four hexadecimal digits (\\U eight), e.g. \\u00e9",
        vi: "mã thoát \\u cần bốn chữ số thập lục phân (\\U cần tám), ví dụ \\u00e9";
    /// A parser complaint vanban has no words of its own for; `detail` is the parser's text.
    SyntaxOther { detail: String } => "E0119",
        en: "{detail}",
        vi: "TOML sai cú pháp ({detail})";

    // Pasting mistakes, each with the form to write instead.
    QuoteInsideString => "E0160",
        en: "a quote inside a string ends it early",
        vi: "dấu ngoặc kép bên trong chuỗi làm chuỗi kết thúc sớm";
    QuoteInsideStringHelp => "H0160",
        en: "write the text in single quotes, or put \\ before each inner quote: trich_yeu = 'Về việc \"ABC\"' or \"Về việc \\\"ABC\\\"\"",
        vi: "viết chữ trong ngoặc đơn, hoặc thêm \\ trước mỗi ngoặc kép bên trong: trich_yeu = 'Về việc \"ABC\"' hoặc \"Về việc \\\"ABC\\\"\"";
    LineBreakInString => "E0161",
        en: "a line break inside a \"…\" string",
        vi: "xuống dòng bên trong chuỗi \"…\"";
    LineBreakInStringHelp => "H0161",
        en: "keep the text on one line, or open and close text of several lines with three quotes: noi_dung = \"\"\"…\"\"\"",
        vi: "viết chữ trên một dòng, hoặc mở và đóng chữ nhiều dòng bằng ba dấu ngoặc kép: noi_dung = \"\"\"…\"\"\"";
    SlashDate { text: String } => "E0162",
        en: "`{text}` is a date written as day/month/year",
        vi: "`{text}` là ngày viết theo kiểu ngày/tháng/năm";
    SlashDateHelp { key: String, iso: String } => "H0162",
        en: "write it as a TOML date, year-month-day and without quotes: {key} = {iso}",
        vi: "viết thành ngày TOML, năm-tháng-ngày và không có ngoặc kép: {key} = {iso}";
    /// The day/month/year written does not exist, so the example is another date.
    SlashDateWrongHelp { key: String } => "H0163",
        en: "write a real date as a TOML date, year-month-day and without quotes: {key} = 2026-03-20",
        vi: "viết một ngày có thật thành ngày TOML, năm-tháng-ngày và không có ngoặc kép: {key} = 2026-03-20";
    DecimalComma { text: String } => "E0164",
        en: "`{text}` is a number with a decimal comma, which TOML does not read",
        vi: "`{text}` là số có dấu phẩy thập phân, TOML không đọc được";
    DecimalCommaHelp { point: String, text: String } => "H0164",
        en: "write a number with a point, {point}, or text in quotes, \"{text}\"",
        vi: "viết số với dấu chấm, {point}, hoặc viết chữ trong ngoặc kép, \"{text}\"";
    SpaceInKey { name: Box<Message> } => "E0165",
        en: "a {name} inside a key",
        vi: "có {name} bên trong khóa";
    SpaceInKeyHelp => "H0165",
        en: "keys are single words joined by _, e.g. trich_yeu = \"…\"; retype the key without the pasted space",
        vi: "khóa là một từ nối bằng _, ví dụ trich_yeu = \"…\"; gõ lại khóa, bỏ khoảng trắng đã dán";
    Tab => "T0165",
        en: "tab",
        vi: "dấu tab";
    NonBreakingSpace => "T0166",
        en: "non-breaking space",
        vi: "khoảng trắng không ngắt";
    SmartQuotes => "E0166",
        en: "curly quotes “…” do not make a TOML string",
        vi: "ngoặc kép cong “…” không tạo thành chuỗi TOML";
    SmartQuotesHelp => "H0166",
        en: "use straight quotes: trich_yeu = \"Kế hoạch\"",
        vi: "dùng ngoặc kép thẳng: trich_yeu = \"Kế hoạch\"";

    // Characters.
    ControlCharacter { code: String } => "E0120",
        en: "control character U+{code} cannot appear in a document",
        vi: "ký tự điều khiển U+{code} không thể có trong văn bản";
    DeleteControl => "H0120",
        en: "delete it (it often comes with text pasted from Word or a PDF); for a new paragraph start a new list item",
        vi: "xóa ký tự đó (thường đi kèm chữ dán từ Word hoặc PDF); muốn sang đoạn mới thì thêm một mục mới trong danh sách";
    EscapedControl => "W0101",
        en: "a control character written as an escape will be left out; Word cannot show it",
        vi: "ký tự điều khiển viết bằng mã thoát sẽ bị bỏ đi; Word không hiển thị được";
    NotUtf8 => "E0121",
        en: "not UTF-8 text: the file was saved in another encoding (such as Windows-1258 or Latin-1)",
        vi: "không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (như Windows-1258 hoặc Latin-1)";
    SaveAsUtf8 => "H0121",
        en: "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
        vi: "lưu tệp dưới dạng UTF-8 (trong Notepad: Save As → Encoding: UTF-8)";

    // Kind, number, date, agency.
    UseOneOf { values: List } => "H0130",
        en: "use one of: {values}",
        vi: "dùng một trong: {values}";
    UnknownKind { value: String } => "E0130",
        en: "unknown document kind `{value}`",
        vi: "không có loại văn bản `{value}`";
    NoTemplate { kind: String } => "E0131",
        en: "vanban has no template for `{kind}` yet",
        vi: "vanban chưa có mẫu cho `{kind}`";
    SupportedKinds => "H0131",
        en: "supported kinds: ke-hoach, bao-cao, cong-van, phu-luc; or add <kind>.vb to your templates folder",
        vi: "các loại đã có: ke-hoach, bao-cao, cong-van, phu-luc; hoặc thêm <loại>.vb vào thư mục mẫu";
    NumberOutOfRange { number: i64 } => "E0132",
        en: "document number {number} is out of range",
        vi: "số văn bản {number} nằm ngoài phạm vi";
    NumbersFromOne => "H0132",
        en: "numbers run from 1 each year; remove `so` for an unnumbered draft",
        vi: "số văn bản bắt đầu từ 1 mỗi năm; bỏ `so` nếu là dự thảo chưa có số";
    NotCalendarDate { text: String } => "E0133",
        en: "`{text}` is not a calendar date",
        vi: "`{text}` không phải ngày có thật";
    WriteSigningDate => "H0133",
        en: "write the signing date as YYYY-MM-DD, e.g. ngay = 2021-03-19",
        vi: "viết ngày ký dạng YYYY-MM-DD, ví dụ ngay = 2021-03-19";
    WriteDate => "H0134",
        en: "write the date as YYYY-MM-DD",
        vi: "viết ngày dạng YYYY-MM-DD";
    NoDate => "E0135",
        en: "the record has neither `ngay` nor `nam`",
        vi: "bản ghi không có `ngay` cũng không có `nam`";
    AddDate => "H0135",
        en: "add ngay = YYYY-MM-DD, or nam = YYYY for a draft with blank day and month",
        vi: "thêm ngay = YYYY-MM-DD, hoặc nam = YYYY cho dự thảo để trống ngày và tháng";
    NotAYear { year: i64 } => "E0136",
        en: "{year} is not a plausible year",
        vi: "{year} không phải là năm hợp lý";
    WriteYear => "H0136",
        en: "write the four-digit year, e.g. nam = 2021",
        vi: "viết năm đủ bốn chữ số, ví dụ nam = 2021";
    NotAMonth { month: i64 } => "E0137",
        en: "{month} is not a month",
        vi: "{month} không phải là tháng";
    WriteMonth => "H0137",
        en: "write a month from 1 to 12",
        vi: "viết tháng từ 1 đến 12";
    UnknownSizeSet { value: String } => "E0138",
        en: "unknown size set `{value}`",
        vi: "không có bộ cỡ chữ `{value}`";
    UseSizeSet => "H0138",
        en: "use \"nho\" (12/13/13) or \"lon\" (13/14/14)",
        vi: "dùng \"nho\" (12/13/13) hoặc \"lon\" (13/14/14)";
    EmptyAbbreviation => "E0139",
        en: "the agency abbreviation is empty",
        vi: "chữ viết tắt của cơ quan đang để trống";
    WriteAbbreviation => "H0139",
        en: "write the abbreviation used in the ký hiệu, e.g. \"SNV\"",
        vi: "viết chữ viết tắt dùng trong ký hiệu, ví dụ \"SNV\"";

    // A Phụ lục issued as a file of its own (loai = "phu-luc").
    NotInAppendixFile { key: String } => "E0143",
        en: "`{key}` has no place in a Phụ lục issued as a file of its own: it has no header block, body, signer or Nơi nhận",
        vi: "`{key}` không dùng trong phụ lục ban hành thành tệp riêng: phụ lục không có phần đầu, nội dung, người ký hay nơi nhận";
    AppendixFileHasNoBody => "H0143",
        en: "remove it: the Văn thư signs the file digitally at the top right of its first page, which vanban leaves free; for a document with its appendix in a file of its own, write the document's record (loai = \"ke-hoach\" …) with tep_rieng = true under [[phu_luc]]",
        vi: "bỏ khóa đó: văn thư ký số tệp ở góc trên bên phải trang đầu, vanban để trống chỗ đó; muốn có cả văn bản và phụ lục ở tệp riêng thì viết bản ghi của văn bản (loai = \"ke-hoach\" …) với tep_rieng = true trong [[phu_luc]]";
    NoAppendixTable => "E0144",
        en: "a `phu-luc` record has no [[phu_luc]] table",
        vi: "bản ghi `phu-luc` không có bảng [[phu_luc]]";
    AddAppendixTable => "H0144",
        en: "add [[phu_luc]] with tieu_de and mau, as `vanban new phu-luc` writes it",
        vi: "thêm [[phu_luc]] có tieu_de và mau, như tệp do `vanban new phu-luc` tạo ra";
    AppendixOfAppendix => "E0145",
        en: "a Phụ lục is attached to a document, not to another Phụ lục",
        vi: "phụ lục đi kèm một văn bản, không đi kèm một phụ lục khác";
    NameTheDocumentKind => "H0145",
        en: "write the kind of the document it is attached to, e.g. van_ban = \"ke-hoach\"",
        vi: "ghi loại của văn bản mà phụ lục đi kèm, ví dụ van_ban = \"ke-hoach\"";
    AppendixNumberOutOfRange { number: u32 } => "E0147",
        en: "appendix number {number} is out of range",
        vi: "số phụ lục {number} nằm ngoài phạm vi";
    NumberAppendixFromOne => "H0147",
        en: "write the appendix's number in its document, from 1 (so = 2 prints \"Phụ lục II\"), or remove `so`",
        vi: "ghi số thứ tự của phụ lục trong văn bản, từ 1 (so = 2 in thành \"Phụ lục II\"), hoặc bỏ `so`";
    OnlyInAppendixFile => "E0146",
        en: "`van_ban` names the document a Phụ lục file is attached to; it is only read with loai = \"phu-luc\"",
        vi: "`van_ban` là văn bản mà tệp phụ lục đi kèm; chỉ dùng khi loai = \"phu-luc\"";
    RemoveOrWriteAppendixFile => "H0146",
        en: "remove it, or write loai = \"phu-luc\" for a Phụ lục issued as a file of its own",
        vi: "bỏ khóa đó, hoặc ghi loai = \"phu-luc\" cho phụ lục ban hành thành tệp riêng";

    /// Text every document prints, left blank (spaces alone).
    BlankText { key: String } => "E0129",
        en: "`{key}` is blank",
        vi: "`{key}` đang để trống";
    WriteTextOrRemove => "H0129",
        en: "write the text, or remove the key if it may be left out",
        vi: "viết nội dung, hoặc bỏ khóa đó nếu được phép bỏ";

    // Signer.
    UnknownAuthority { value: String } => "E0140",
        en: "unknown signing authority `{value}`",
        vi: "không có thẩm quyền ký `{value}`";
    UseAuthority => "H0140",
        en: "use \"KT.\", \"TL.\", \"TUQ.\" or \"Q.\"; for \"TM.\" write thay_mat = \"<collective>\"",
        vi: "dùng \"KT.\", \"TL.\", \"TUQ.\" hoặc \"Q.\"; với \"TM.\" viết thay_mat = \"<tập thể>\"";
    NeedsHeadTitle { prefix: String } => "E0141",
        en: "`{prefix}` needs the head's title it signs for",
        vi: "`{prefix}` cần chức vụ của người đứng đầu được ký thay";
    AddHeadTitle => "H0141",
        en: "add chuc_vu_thu_truong, e.g. \"Giám đốc\"",
        vi: "thêm chuc_vu_thu_truong, ví dụ \"Giám đốc\"";
    HeadTitleAlone => "E0142",
        en: "`chuc_vu_thu_truong` is only used with `quyen_han`",
        vi: "`chuc_vu_thu_truong` chỉ dùng cùng `quyen_han`";
    AddAuthority => "H0142",
        en: "add quyen_han = \"KT.\" (or TL., TUQ., Q.), or move the title to chuc_vu",
        vi: "thêm quyen_han = \"KT.\" (hoặc TL., TUQ., Q.), hoặc chuyển chức vụ sang chuc_vu";

    // Body.
    TooDeep => "E0150",
        en: "sections nest at most three deep (I. → 1. → a))",
        vi: "đề mục lồng nhau tối đa ba cấp (I. → 1. → a))";
    UsePoints => "H0150",
        en: "use \"-\" and \"+\" points below a) instead of another `muc`",
        vi: "dưới a) dùng các ý \"-\" và \"+\" thay vì thêm một `muc`";
    EmptySection => "E0151",
        en: "a section has neither `tieu_de` nor `noi_dung`",
        vi: "đề mục không có `tieu_de` cũng không có `noi_dung`";
    GiveSectionContent => "H0151",
        en: "give the section a title or some content",
        vi: "hãy đặt tên hoặc viết nội dung cho đề mục";
    EmptyBlock => "E0152",
        en: "an empty table is not a body block; use one key: \"-\", \"+\", ghi_chu or chen",
        vi: "bảng rỗng không phải khối nội dung; dùng một khóa: \"-\", \"+\", ghi_chu hoặc chen";
    BlockWithTwoKeys => "E0153",
        en: "a body block has exactly one key (\"-\", \"+\", ghi_chu or chen); split it into two blocks",
        vi: "mỗi khối nội dung có đúng một khóa (\"-\", \"+\", ghi_chu hoặc chen); hãy tách thành hai khối";
    UnknownInsertion { value: String } => "E0154",
        en: "unknown generated block `{value}`",
        vi: "không có khối tự sinh `{value}`";
    UnknownBlockKey { key: String } => "E0155",
        en: "unknown body block key `{key}`; use \"-\", \"+\", ghi_chu or chen",
        vi: "không có khóa khối nội dung `{key}`; dùng \"-\", \"+\", ghi_chu hoặc chen";

    // Criteria and scores.
    DuplicateCode { code: String } => "E0170",
        en: "criterion code `{code}` appears twice",
        vi: "mã tiêu chí `{code}` xuất hiện hai lần";
    UniqueCodes => "H0170",
        en: "each criterion code must be unique; renumber one of them",
        vi: "mỗi mã tiêu chí phải khác nhau; hãy đánh lại một mã";
    MaximumOutOfRange { maximum: f64 } => "E0171",
        en: "maximum {maximum} is out of range",
        vi: "điểm tối đa {maximum} nằm ngoài phạm vi";
    WriteMaximum => "H0171",
        en: "write the framework's maximum points",
        vi: "viết điểm tối đa theo bộ tiêu chí";
    AssessedOutOfRange { assessed: f64, maximum: f64 } => "E0172",
        en: "assessed {assessed} is not between 0 and the maximum {maximum}",
        vi: "điểm thẩm định {assessed} không nằm trong khoảng từ 0 đến điểm tối đa {maximum}";
    CheckAssessed => "H0172",
        en: "check the assessed points",
        vi: "kiểm tra lại điểm thẩm định";
    /// (E0173 was "only one of diem_toi_da and diem_dat", retired: any figure may stand alone.)
    LostOutOfRange { lost: f64, maximum: f64 } => "E0169",
        en: "lost points {lost} are not between 0 and the maximum {maximum}",
        vi: "điểm bị mất {lost} không nằm trong khoảng từ 0 đến điểm tối đa {maximum}";
    CheckLost => "H0169",
        en: "check the lost points: maximum − assessed",
        vi: "kiểm tra lại điểm bị mất: điểm tối đa − điểm thẩm định";
    NotANumber { text: String } => "E0174",
        en: "`{text}` is not a number",
        vi: "`{text}` không phải là số";
    WriteANumber => "H0174",
        en: "write a number: 0.5 without quotes, or \"0,5\" with the decimal comma in quotes",
        vi: "viết số: 0.5 không có ngoặc kép, hoặc \"0,5\" có dấu phẩy thập phân trong ngoặc kép";
    LevelSkipped { level: i64, previous: usize } => "E0175",
        en: "a criterion at level {level} right after one at level {previous} skips a level",
        vi: "tiêu chí cấp {level} ngay sau tiêu chí cấp {previous} là nhảy cấp";
    NoLevelSkip => "H0175",
        en: "a criterion is at most one level below the one before it: write the level above first, or lower `cap`",
        vi: "tiêu chí chỉ được thấp hơn tiêu chí trước nó một cấp: ghi tiêu chí cấp trên trước, hoặc giảm `cap`";
    LevelOutOfRange { level: i64 } => "E0176",
        en: "level {level} is not a criterion level",
        vi: "cấp {level} không phải cấp của tiêu chí";
    WriteLevel => "H0176",
        en: "write cap = 1 for a field, 2 for its criteria, 3, 4 … below them",
        vi: "ghi cap = 1 cho lĩnh vực, 2 cho tiêu chí của nó, 3, 4 … cho các cấp dưới";
    TypedMaximumDiffers { criterion: String, typed: Decimal, sum: Decimal } => "W0102",
        en: "criterion `{criterion}` types maximum {typed} but its parts, listed in full, add up to {sum}; the tables show {typed} as typed",
        vi: "tiêu chí `{criterion}` ghi điểm tối đa {typed} nhưng các phần, đã liệt kê đủ, cộng lại là {sum}; bảng ghi {typed} như đã ghi";
    TypedAssessedDiffers { criterion: String, typed: Decimal, sum: Decimal } => "W0103",
        en: "criterion `{criterion}` types assessed points {typed} but its parts, listed in full, add up to {sum}; the tables show {typed} as typed",
        vi: "tiêu chí `{criterion}` ghi điểm thẩm định {typed} nhưng các phần, đã liệt kê đủ, cộng lại là {sum}; bảng ghi {typed} như đã ghi";

    TypedLostDiffers { criterion: String, lost: Decimal, max: Decimal, assessed: Decimal, difference: Decimal } => "W0104",
        en: "criterion `{criterion}`: lost points {lost} ≠ {max} − {assessed} = {difference}; the tables show {lost} as typed",
        vi: "tiêu chí `{criterion}`: điểm bị mất {lost} ≠ {max} − {assessed} = {difference}; bảng ghi {lost} như đã ghi";
    TypedLostPartsDiffer { criterion: String, typed: Decimal, sum: Decimal } => "W0105",
        en: "criterion `{criterion}` types lost points {typed} but its parts, listed in full, add up to {sum}; the tables show {typed} as typed",
        vi: "tiêu chí `{criterion}` ghi điểm bị mất {typed} nhưng các phần, đã liệt kê đủ, cộng lại là {sum}; bảng ghi {typed} như đã ghi";
    GroupWithoutFigures { criterion: String } => "W0106",
        en: "group `{criterion}` types no points and its parts are not declared all listed, so its row shows none (nor does any later group like it); type its points (diem_toi_da, diem_dat, diem_mat); write day_du = true if every part is listed and its points are their sum, or day_du = false if it shows no points on purpose",
        vi: "nhóm `{criterion}` không ghi điểm và chưa khai báo đã liệt kê đủ các phần, nên dòng của nó để trống điểm (các nhóm như vậy phía sau cũng thế); ghi điểm của nó (diem_toi_da, diem_dat, diem_mat); ghi day_du = true nếu đã liệt kê đủ các phần và điểm của nó là tổng các phần, hoặc day_du = false nếu cố ý để trống điểm";

    /// A deputy signs with no authority line (nd30.md §4.10: a deputy signs "KT." for the head).
    DeputySignsAlone { title: String, head: String, line: String } => "W0107",
        en: "the signer is a deputy (`{title}`) and signs with no \"KT.\" line; a deputy signs for the head, \"KT. {line}\" above the deputy's title (Decree 30, Art. 13); add quyen_han = \"KT.\" and chuc_vu_thu_truong = \"{head}\"",
        vi: "người ký là cấp phó (`{title}`) nhưng khối chữ ký không có dòng \"KT.\"; cấp phó ký thay người đứng đầu, ghi \"KT. {line}\" trên chức vụ của mình (Nghị định 30, Điều 13); thêm quyen_han = \"KT.\" và chuc_vu_thu_truong = \"{head}\"";

    // Progress and appendices.
    UnknownProgressStatus { value: String } => "E0180",
        en: "unknown progress status `{value}`",
        vi: "không có trạng thái tiến độ `{value}`";
    EmptyProgress => "E0186",
        en: "a progress entry has neither `trang_thai` nor `noi_dung`",
        vi: "mục tiến độ không có `trang_thai` cũng không có `noi_dung`";
    WriteProgress => "H0186",
        en: "write what was done (noi_dung = \"…\"), a status (trang_thai = \"dang-thuc-hien\"), or both",
        vi: "ghi việc đã làm (noi_dung = \"…\"), một trạng thái (trang_thai = \"dang-thuc-hien\"), hoặc cả hai";
    UnknownPreset { value: String } => "E0181",
        en: "unknown appendix preset `{value}`",
        vi: "không có mẫu phụ lục `{value}`";
    ColumnNotInPreset { column: String, preset: String } => "E0182",
        en: "column `{column}` is not available in a `{preset}` appendix",
        vi: "cột `{column}` không có trong phụ lục `{preset}`";
    UnknownColumnKey { value: String } => "E0184",
        en: "unknown column key `{value}`",
        vi: "không có khóa cột `{value}`";
    UnknownNumbering { value: String } => "E0185",
        en: "unknown numbering style `{value}`",
        vi: "không có kiểu đánh số `{value}`";
    UseNumbering => "H0185",
        en: "use \"la-ma\" (I. → 1. → a)), \"so\" (1. → a) → -) or \"thap-phan\" (1. → 1.1. → 1.1.1.)",
        vi: "dùng \"la-ma\" (I. → 1. → a)), \"so\" (1. → a) → -) hoặc \"thap-phan\" (1. → 1.1. → 1.1.1.)";
    UnknownNumberColumn { value: String } => "E0187",
        en: "unknown number column content `{value}`",
        vi: "không có cách ghi cột số thứ tự `{value}`";
    UnknownSubMark { value: String } => "E0188",
        en: "unknown sub-criterion mark `{value}`",
        vi: "không có dấu đầu dòng tiêu chí con `{value}`";
    SharedOnFirst { column: String } => "E0177",
        en: "the first sub-criterion has no row above to share `{column}` with",
        vi: "tiêu chí con đầu tiên không có dòng nào phía trên để dùng chung `{column}`";
    WriteOnFirst => "H0177",
        en: "write the value on this sub-criterion, and `nhu_tren` on the ones below that share it",
        vi: "ghi giá trị ở tiêu chí con này, và ghi `nhu_tren` ở các tiêu chí con bên dưới dùng chung nó";
    SharedAndWritten { column: String } => "E0178",
        en: "`{column}` is shared with the row above (nhu_tren) and also written here",
        vi: "`{column}` dùng chung với dòng trên (nhu_tren) nhưng lại được ghi ở đây";
    KeepOne => "H0178",
        en: "remove it here, or remove it from nhu_tren",
        vi: "bỏ giá trị ở đây, hoặc bỏ nó khỏi nhu_tren";
    NotShareable { column: String } => "E0179",
        en: "`{column}` cannot be shared with the row above",
        vi: "không thể dùng chung `{column}` với dòng trên";
    UnknownOrientation { value: String } => "E0183",
        en: "unknown orientation `{value}`",
        vi: "không có hướng trang `{value}`";
    UseOrientation => "H0183",
        en: "use \"doc\", \"ngang\" or \"tu-dong\"",
        vi: "dùng \"doc\", \"ngang\" hoặc \"tu-dong\"";
    /// A width the record gives to a column is narrower than a word in it.
    WidthBreaksWord { column: String, rong: u32, width: Decimal, word: String, least: u32, least_width: Decimal } => "W0110",
        en: "column `{column}`: with rong = {rong} it is {width} mm wide, too narrow for the word \"{word}\", which will break mid-word; write rong = {least} or more ({least_width} mm), or leave rong out and the width follows the text",
        vi: "cột `{column}`: với rong = {rong} cột rộng {width} mm, hẹp hơn từ \"{word}\" nên từ này sẽ bị ngắt giữa chừng; ghi rong = {least} trở lên ({least_width} mm), hoặc bỏ rong để độ rộng theo nội dung";
    /// A width the record gives to a column leaves another column only its longest word.
    WidthCrowds { column: String, rong: u32, width: Decimal, lines: u32, crowded: String, crowded_lines: u32 } => "W0111",
        en: "column `{column}`: with rong = {rong} it is {width} mm wide and leaves `{crowded}` only the width of its longest word, so a cell there runs to {crowded_lines} lines where `{column}` takes at most {lines}; write a smaller rong, or leave rong out and the widths follow the text",
        vi: "cột `{column}`: với rong = {rong} cột rộng {width} mm, chỉ để lại cho cột `{crowded}` bề rộng bằng từ dài nhất của nó, nên có ô ở đó dài {crowded_lines} dòng trong khi cột `{column}` nhiều nhất {lines} dòng; ghi rong nhỏ hơn, hoặc bỏ rong để độ rộng theo nội dung";

    // Records a record names.
    PlanNoun => "T0191",
        en: "plan",
        vi: "kế hoạch";
    DocumentNoun => "T0192",
        en: "document",
        vi: "văn bản";
    ReferenceAbsolute { what: Box<Message>, path: PathBuf } => "E0193",
        en: "the {what} `{path}` is an absolute path",
        vi: "đường dẫn {what} `{path}` là đường dẫn tuyệt đối";
    ReferenceNotToml { what: Box<Message>, path: PathBuf } => "E0194",
        en: "the {what} `{path}` is not a .toml record",
        vi: "{what} `{path}` không phải bản ghi .toml";
    NameTomlRecord { what: Box<Message> } => "H0194",
        en: "name the {what}'s .toml record",
        vi: "ghi tên bản ghi .toml của {what}";
    ReferenceOutside { what: Box<Message>, path: PathBuf, root: PathBuf } => "E0195",
        en: "the {what} `{path}` lies outside {root}, the folder being rendered",
        vi: "{what} `{path}` nằm ngoài {root}, thư mục đang kết xuất";
    MoveReference { what: Box<Message> } => "H0195",
        en: "move the {what} into that folder, or render the folder that holds both",
        vi: "chuyển {what} vào thư mục đó, hoặc kết xuất thư mục chứa cả hai";
    ReferenceNotRegular { what: Box<Message>, path: PathBuf } => "E0196",
        en: "the {what} `{path}` is not a regular file",
        vi: "{what} `{path}` không phải tệp thông thường";

    ReferenceMissing { what: Box<Message>, path: PathBuf } => "E0190",
        en: "the {what} `{path}` does not exist",
        vi: "không có {what} `{path}`";
    ReferencePathHelp { what: Box<Message> } => "H0190",
        en: "give the {what}'s path relative to this record's folder",
        vi: "ghi đường dẫn của {what} tính từ thư mục của bản ghi này";
    SendsAppendixFile { path: PathBuf } => "E0197",
        en: "`{path}` is a Phụ lục file; a Công văn names the document it sends, not an appendix of it",
        vi: "`{path}` là tệp phụ lục; công văn ghi văn bản được gửi kèm, không ghi phụ lục của văn bản đó";
    SendTheDocument => "H0197",
        en: "point kem_theo at the record of the document the appendix is attached to",
        vi: "hãy trỏ kem_theo tới bản ghi của văn bản mà phụ lục đi kèm";
    NotAPlan { path: PathBuf, kind: String } => "E0192",
        en: "`{path}` is a {kind}, not a Kế hoạch",
        vi: "`{path}` là {kind}, không phải Kế hoạch";
    PointAtPlan => "H0192",
        en: "point ke_hoach at the plan record",
        vi: "hãy trỏ ke_hoach tới bản ghi kế hoạch";
}
