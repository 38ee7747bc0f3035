//! Messages of `vanban preview`: what it refuses to picture, the tools it needs (LibreOffice,
//! Poppler's pdftoppm) and the lines that report the images written.

use std::path::PathBuf;

use super::{Message, messages};

messages! {
    pub enum Preview;

    NoRecordsHere => "E0301",
        en: "no records (.toml) here",
        vi: "không có bản ghi (.toml) nào ở đây";
    GiveRecordsOrDocx => "H0301",
        en: "give .toml records, folders of records or .docx files vanban wrote",
        vi: "hãy chỉ ra các bản ghi .toml, thư mục bản ghi hoặc tệp .docx do vanban ghi";
    NoSuchFile => "E0302",
        en: "no such file",
        vi: "không có tệp này";
    CannotReadFile { cause: Box<Message> } => "E0303",
        en: "cannot read the file: {cause}",
        vi: "không đọc được tệp: {cause}";
    GiveRecordOrDocx => "H0302",
        en: "give a .toml record, a folder of records or a .docx vanban wrote",
        vi: "hãy chỉ ra một bản ghi .toml, một thư mục bản ghi hoặc một tệp .docx do vanban ghi";
    /// A .docx another program wrote (or edited); `by` says how that is known.
    NotByVanban { by: Box<Message> } => "E0304",
        en: "this .docx was not written by vanban ({by})",
        vi: "tệp .docx này không do vanban ghi ({by})";
    NoAppName => "T0301",
        en: "it has no docProps/app.xml naming vanban",
        vi: "tệp không có docProps/app.xml ghi tên vanban";
    AppNames { application: String } => "T0302",
        en: "docProps/app.xml names `{application}`",
        vi: "docProps/app.xml ghi tên `{application}`";
    PreviewTheRecord => "H0304",
        en: "preview the record it was rendered from; a file edited in Word is previewed in Word",
        vi: "hãy xem trước bản ghi đã sinh ra tệp đó; tệp đã sửa trong Word thì xem bằng Word";
    SameImages { earlier: PathBuf, name: PathBuf } => "E0305",
        en: "its images would replace those of {earlier} (both are named {name})",
        vi: "ảnh của tệp này sẽ ghi đè ảnh của {earlier} (cả hai đều tên {name})";
    SeparateRuns => "H0305",
        en: "preview the two in separate runs, or with separate --out folders",
        vi: "xem trước hai tệp này trong hai lần chạy, hoặc với hai thư mục --out khác nhau";
    NoOfficeForImages => "E0306",
        en: "LibreOffice is needed to make page images and was not found",
        vi: "cần LibreOffice để tạo ảnh trang nhưng không tìm thấy";
    NoPdftoppm => "E0307",
        en: "pdftoppm (Poppler) is needed to turn pages into images and was not found",
        vi: "cần pdftoppm (Poppler) để chuyển trang thành ảnh nhưng không tìm thấy";
    InstallPoppler => "H0307",
        en: "install Poppler's pdftoppm: on Debian/Ubuntu `sudo apt-get install poppler-utils`; on Windows a Poppler build for Windows, with its bin folder on PATH; or set VANBAN_PDFTOPPM to the pdftoppm program",
        vi: "cài pdftoppm của Poppler: trên Debian/Ubuntu `sudo apt-get install poppler-utils`; trên Windows cài một bản Poppler cho Windows và thêm thư mục bin của nó vào PATH; hoặc đặt VANBAN_PDFTOPPM là đường dẫn tới chương trình pdftoppm";
    CannotCreateOut { cause: Box<Message> } => "E0308",
        en: "cannot create the output folder: {cause}",
        vi: "không tạo được thư mục đầu ra: {cause}";
    CannotWriteInOut { cause: Box<Message> } => "E0309",
        en: "cannot write in the output folder: {cause}",
        vi: "không ghi được vào thư mục đầu ra: {cause}";
    ChooseAnotherOut => "H0308",
        en: "choose another --out folder, or one you may write in",
        vi: "chọn thư mục --out khác, hoặc thư mục bạn có quyền ghi";
    NoPageImage => "E0310",
        en: "pdftoppm wrote no page image",
        vi: "pdftoppm không ghi ra ảnh trang nào";
    CheckPdftoppm => "H0310",
        en: "check that pdftoppm works: run it on any PDF",
        vi: "kiểm tra pdftoppm có chạy không: chạy thử với một tệp PDF bất kỳ";
    NotPng { detail: String } => "E0311",
        en: "not a PNG image: {detail}",
        vi: "không phải ảnh PNG: {detail}";
    CannotDecode { detail: String } => "E0312",
        en: "cannot decode the image: {detail}",
        vi: "không giải mã được ảnh: {detail}";
    /// The decoder was asked to expand a palette and did not.
    IndexedColours => "E0318",
        en: "indexed colours were not expanded",
        vi: "màu chỉ mục chưa được khai triển";
    CannotEncode { detail: String } => "E0313",
        en: "cannot encode the sheet: {detail}",
        vi: "không mã hóa được ảnh tổng hợp: {detail}";
    CannotStartPdftoppm { cause: Box<Message> } => "E0314",
        en: "cannot start pdftoppm: {cause}",
        vi: "không khởi động được pdftoppm: {cause}";
    CannotWaitForPdftoppm { cause: Box<Message> } => "E0315",
        en: "cannot wait for pdftoppm: {cause}",
        vi: "không chờ được pdftoppm: {cause}";
    PdftoppmFailed { status: String, detail: String } => "E0316",
        en: "pdftoppm failed ({status}): {detail}",
        vi: "pdftoppm lỗi ({status}): {detail}";
    PdftoppmTimedOut { seconds: u64 } => "E0317",
        en: "pdftoppm did not finish within {seconds} s and was stopped",
        vi: "pdftoppm không xong trong {seconds} giây nên đã bị dừng";
    LowerDpi => "H0317",
        en: "try a lower --dpi or fewer --pages",
        vi: "thử --dpi thấp hơn hoặc ít --pages hơn";
    WroteLandscape { path: PathBuf } => "I0301",
        en: "wrote {path} (landscape)",
        vi: "đã ghi {path} (trang ngang)";
    OnePortraitPage { name: PathBuf } => "I0302",
        en: "{name}: 1 page, portrait",
        vi: "{name}: 1 trang, khổ dọc";
    OneLandscapePage { name: PathBuf } => "I0303",
        en: "{name}: 1 page, landscape",
        vi: "{name}: 1 trang, khổ ngang";
    AllPortrait { name: PathBuf, count: usize } => "I0304",
        en: "{name}: {count} pages, all portrait",
        vi: "{name}: {count} trang, tất cả khổ dọc";
    SomeLandscape { name: PathBuf, count: usize, pages: String } => "I0305",
        en: "{name}: {count} pages, landscape: {pages}",
        vi: "{name}: {count} trang, khổ ngang: {pages}";
}
