//! Messages of `vanban pull`: the changes found in a document edited in Word or LibreOffice,
//! what cannot go back into the record and why, conflicts, tracked changes and comments, and
//! why a file cannot be pulled at all.

use std::path::PathBuf;

use super::{Message, messages};

messages! {
    pub enum Pull;

    NotADocx { detail: String } => "E0401",
        en: "this is not a .docx that can be read (damaged or not a zip: {detail})",
        vi: "không đọc được tệp .docx này (tệp hỏng hoặc không phải zip: {detail})";
    NotByVanban => "E0402",
        en: "this .docx was not rendered by vanban: it carries no record of where its text came from",
        vi: "tệp .docx này không do vanban sinh ra: trong tệp không có thông tin văn bản lấy từ bản ghi nào";
    PullOnlyRendered => "H0402",
        en: "pull only a file `vanban render` wrote (and a person then edited); copy edits to other files by hand",
        vi: "chỉ dùng `vanban pull` với tệp do `vanban render` sinh ra (rồi được sửa); sửa tệp khác thì chép tay vào bản ghi";
    RecordNotFound { record: String } => "E0403",
        en: "cannot find the record `{record}` this document was rendered from",
        vi: "không tìm thấy bản ghi `{record}` đã sinh ra văn bản này";
    GiveRecord => "H0403",
        en: "name it with --record PATH (e.g. --record plans/so-noi-vu/ke-hoach.toml)",
        vi: "hãy chỉ ra bản ghi bằng --record ĐƯỜNG_DẪN (ví dụ --record plans/so-noi-vu/ke-hoach.toml)";
    OtherRecord { record: String, given: PathBuf } => "E0404",
        en: "this document was rendered from `{record}`, not from {given}",
        vi: "văn bản này được sinh ra từ `{record}`, không phải từ {given}";
    GiveItsRecord => "H0404",
        en: "pull it with the record it was rendered from",
        vi: "hãy chạy pull với đúng bản ghi đã sinh ra văn bản";
    Changed { place: String, field: String, before: String, after: String } => "T0401",
        en: "{place}: {field}: changed “{before}” → “{after}”",
        vi: "{place}: {field}: sửa “{before}” → “{after}”";
    Added { place: String, field: String, text: String } => "T0402",
        en: "{place}: {field}: new paragraph “{text}”",
        vi: "{place}: {field}: đoạn mới “{text}”";
    Removed { place: String, field: String, text: String } => "T0403",
        en: "{place}: {field}: paragraph deleted “{text}”",
        vi: "{place}: {field}: đoạn bị xóa “{text}”";
    Progress { place: String, field: String, date: String, text: String } => "T0404",
        en: "{place}: {field}: new progress entry {date} “{text}”",
        vi: "{place}: {field}: thêm tiến độ {date} “{text}”";
    NotFromRecord { at: Box<Message>, before: String, after: String, why: Box<Message> } => "W0401",
        en: "not from the record, not applied: {at}: “{before}” → “{after}” ({why})",
        vi: "không lấy từ bản ghi, không ghi lại: {at}: “{before}” → “{after}” ({why})";
    Conflict { place: String, field: String, record: String, document: String } => "W0402",
        en: "conflict, not applied: {place}: {field} was changed in the record since the render (now “{record}”) and in the document (“{document}”)",
        vi: "xung đột, không ghi lại: {place}: {field} đã được sửa trong bản ghi từ lần sinh văn bản (nay là “{record}”) và cả trong văn bản (“{document}”)";
    Inserted { author: String, text: String } => "T0405",
        en: "tracked insertion by {author}: “{text}”",
        vi: "thêm có theo dõi, của {author}: “{text}”";
    Deleted { author: String, text: String } => "T0406",
        en: "tracked deletion by {author}: “{text}”",
        vi: "xóa có theo dõi, của {author}: “{text}”";
    Comment { author: String, anchored: String, text: String } => "T0407",
        en: "comment by {author} on “{anchored}”: {text} (not written to the record)",
        vi: "ghi chú của {author} tại “{anchored}”: {text} (không ghi vào bản ghi)";
    Nothing => "T0408",
        en: "no changes to bring back into the record",
        vi: "không có thay đổi nào cần đưa về bản ghi";
    Summary { changes: usize, refused: usize } => "T0409",
        en: "{changes} changes to the record, {refused} not applicable; nothing written (add --apply to write them)",
        vi: "{changes} thay đổi cho bản ghi, {refused} không ghi lại được; chưa ghi gì (thêm --apply để ghi)";
    Applied { changes: usize, path: PathBuf, refused: usize } => "T0410",
        en: "{changes} changes written to {path}; {refused} not applicable",
        vi: "đã ghi {changes} thay đổi vào {path}; {refused} không ghi lại được";
    AtParagraph { number: usize } => "T0411",
        en: "paragraph {number}",
        vi: "đoạn {number}";
    AtCell { table: usize, row: usize, column: usize } => "T0412",
        en: "table {table}, row {row}, column {column}",
        vi: "bảng {table}, hàng {row}, cột {column}";
    Computed => "T0413",
        en: "vanban computes this text: numbers, totals, heading numbers, the header block and the template's own words",
        vi: "văn bản này do vanban tính ra: số thứ tự, tổng, số đề mục, phần đầu văn bản và lời của mẫu";
    TemplateWords { path: String } => "T0414",
        en: "the words the template puts around {path} were changed; write the change in the record or the template",
        vi: "lời của mẫu quanh {path} đã bị sửa; hãy sửa trong bản ghi hoặc trong mẫu";
    Capitals { path: String } => "T0415",
        en: "shown in capitals; write the change in {path} in the record",
        vi: "được in hoa; hãy sửa {path} trong bản ghi";
    NotInList => "T0416",
        en: "a paragraph added or deleted outside a list of the record (a section's paragraphs, a list of solutions)",
        vi: "đoạn được thêm hoặc xóa ngoài một danh sách của bản ghi (các đoạn của một phần, danh sách giải pháp)";
    TableCells => "T0417",
        en: "rows of vanban's tables come from the record's items; add the item to the record",
        vi: "các hàng của bảng do vanban lập từ các mục của bản ghi; hãy thêm mục đó vào bản ghi";
    Emphasis { path: String } => "T0418",
        en: "{path} is written with ** or * emphasis; copy the change into the record by hand",
        vi: "{path} có đánh dấu ** hoặc * (in đậm, in nghiêng); hãy chép tay thay đổi vào bản ghi";
    RenderReplaces { path: PathBuf } => "T0420",
        en: "every edit is in the record now: the next `vanban render` replaces {path}",
        vi: "mọi chỗ sửa đã vào bản ghi: lần `vanban render` tới sẽ sinh lại {path}";
    RenderKeeps { path: PathBuf } => "T0421",
        en: "{path} keeps edits the record does not have: `vanban render` keeps it until --force",
        vi: "{path} còn những chỗ sửa bản ghi không có: `vanban render` giữ nguyên tệp này cho đến khi dùng --force";
    SeveralPlaces { path: String } => "T0422",
        en: "the text of {path} is printed in several places (or is also the template's own words); write the change in the record",
        vi: "nội dung của {path} được in ở nhiều chỗ (hoặc trùng với lời của mẫu); hãy sửa trong bản ghi";
    NoLongerInRecord => "T0419",
        en: "(no longer in the record)",
        vi: "(không còn trong bản ghi)";
}
