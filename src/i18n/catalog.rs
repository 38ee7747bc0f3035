//! English message patterns and their Vietnamese. `{}` in the English stands for a value
//! carried over unchanged; `{0}`, `{1}`, … place the values in the Vietnamese. Keys, file
//! names and commands stay as they are written.

/// (English, Vietnamese), in no particular order: the most specific match wins.
pub const VI: &[(&str, &str)] = &[
    // How a problem is shown.
    ("error", "lỗi"),
    ("warning", "cảnh báo"),
    ("help", "gợi ý"),
    ("error: {}", "lỗi: {0}"),
    ("cannot write {}: {}", "không ghi được {0}: {1}"),
    // Loading a record.
    ("cannot read the record: {}", "không đọc được bản ghi: {0}"),
    ("cannot read the plan: {}", "không đọc được kế hoạch: {0}"),
    ("cannot read the folder: {}", "không đọc được thư mục: {0}"),
    ("cannot read the template: {}", "không đọc được mẫu: {0}"),
    ("cannot edit the record: {}", "không sửa được bản ghi: {0}"),
    ("no such file or folder", "không có tệp hoặc thư mục này"),
    (
        "check the path and permissions",
        "kiểm tra đường dẫn và quyền truy cập",
    ),
    (
        "not UTF-8 text: the file was saved in another encoding (such as Windows-1258 or Latin-1)",
        "không phải văn bản UTF-8: tệp được lưu bằng bảng mã khác (như Windows-1258 hay Latin-1)",
    ),
    (
        "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
        "lưu tệp dưới dạng UTF-8 (trong Notepad: Save As → Encoding: UTF-8)",
    ),
    (
        "a record's file name must end in .toml",
        "tên tệp bản ghi phải kết thúc bằng .toml",
    ),
    (
        "give a .toml record or a folder of records",
        "hãy chỉ ra một bản ghi .toml hoặc một thư mục bản ghi",
    ),
    (
        "vanban render looks for *.toml files in folders",
        "vanban render tìm các tệp *.toml trong thư mục",
    ),
    // TOML syntax and types.
    (
        "fix the TOML at this place; README \"Record format\" lists every key",
        "sửa TOML tại chỗ này; mục \"Record format\" của README liệt kê mọi khóa",
    ),
    ("fix the TOML first", "hãy sửa TOML trước"),
    ("unknown key `{}`", "không có khóa `{0}`"),
    ("missing key `{}`", "thiếu khóa `{0}`"),
    (
        "did you mean `{}`? Keys here: {}",
        "có phải là `{0}`? Các khóa ở đây: {1}",
    ),
    ("keys here: {}", "các khóa ở đây: {0}"),
    (
        "add `{} = …` to this table; README \"Record format\" shows an example",
        "thêm `{0} = …` vào bảng này; mục \"Record format\" của README có ví dụ",
    ),
    ("invalid type: {}, expected {}", "sai kiểu: {0}, cần {1}"),
    (
        "invalid basic string, expected {}",
        "chuỗi không hợp lệ, cần {0}",
    ),
    ("invalid date, expected {}", "ngày không hợp lệ, cần {0}"),
    ("invalid {}, expected {}", "{0} không hợp lệ, cần {1}"),
    ("expected {}", "cần {0}"),
    ("invalid date", "ngày không hợp lệ"),
    (
        "numbers and dates are written without quotes, text with quotes, lists in [ ]",
        "số và ngày viết không có ngoặc kép, chữ viết trong ngoặc kép, danh sách trong [ ]",
    ),
    (
        "`{}` is not written as [[{}]] tables",
        "`{0}` không viết dạng bảng [[{1}]]",
    ),
    (
        "write it as [tieu_chi.khac_phuc]",
        "hãy viết là [tieu_chi.khac_phuc]",
    ),
    // Text hazards.
    (
        "control character U+{} cannot appear in a document",
        "ký tự điều khiển U+{0} không thể có trong văn bản",
    ),
    (
        "delete it (it often comes with text pasted from Word or a PDF); for a new paragraph start a new list item",
        "xóa ký tự đó (thường đi kèm chữ dán từ Word hoặc PDF); muốn sang đoạn mới thì thêm một mục mới trong danh sách",
    ),
    (
        "a control character written as an escape will be left out; Word cannot show it",
        "ký tự điều khiển viết bằng mã thoát sẽ bị bỏ đi; Word không hiển thị được",
    ),
    // Document kind, number, date.
    ("unknown document kind `{}`", "không có loại văn bản `{0}`"),
    (
        "vanban has no template for `{}` yet",
        "vanban chưa có mẫu cho `{0}`",
    ),
    (
        "supported kinds: ke-hoach, bao-cao, cong-van; or add <kind>.vb to your templates folder",
        "các loại đã có: ke-hoach, bao-cao, cong-van; hoặc thêm <loại>.vb vào thư mục mẫu",
    ),
    ("use one of: {}", "dùng một trong: {0}"),
    (
        "document number {} is out of range",
        "số văn bản {0} nằm ngoài phạm vi",
    ),
    (
        "numbers run from 1 each year; remove `so` for an unnumbered draft",
        "số văn bản bắt đầu từ 1 mỗi năm; bỏ `so` nếu là dự thảo chưa có số",
    ),
    ("use 1 or more", "dùng số từ 1 trở lên"),
    (
        "`{}` is not a calendar date",
        "`{0}` không phải ngày có thật",
    ),
    ("`{}` is not a date", "`{0}` không phải là ngày"),
    (
        "`{}` is not a date; write YYYY-MM-DD",
        "`{0}` không phải là ngày; viết YYYY-MM-DD",
    ),
    (
        "write a real calendar date as YYYY-MM-DD, e.g. 2021-02-28",
        "viết một ngày có thật dạng YYYY-MM-DD, ví dụ 2021-02-28",
    ),
    ("write the date as YYYY-MM-DD", "viết ngày dạng YYYY-MM-DD"),
    (
        "write the signing date as YYYY-MM-DD, e.g. ngay = 2021-03-19",
        "viết ngày ký dạng YYYY-MM-DD, ví dụ ngay = 2021-03-19",
    ),
    (
        "the record has neither `ngay` nor `nam`",
        "bản ghi không có `ngay` cũng không có `nam`",
    ),
    (
        "add ngay = YYYY-MM-DD, or nam = YYYY for a draft with blank day and month",
        "thêm ngay = YYYY-MM-DD, hoặc nam = YYYY cho dự thảo để trống ngày và tháng",
    ),
    ("{} is not a month", "{0} không phải là tháng"),
    ("write a month from 1 to 12", "viết tháng từ 1 đến 12"),
    ("{} is not a plausible year", "{0} không phải là năm hợp lý"),
    (
        "write the four-digit year, e.g. nam = 2021",
        "viết năm đủ bốn chữ số, ví dụ nam = 2021",
    ),
    ("add `trich_yeu = …`", "thêm `trich_yeu = …`"),
    (
        "the agency abbreviation is empty",
        "chữ viết tắt của cơ quan đang để trống",
    ),
    (
        "write the abbreviation used in the ký hiệu, e.g. \"SNV\"",
        "viết chữ viết tắt dùng trong ký hiệu, ví dụ \"SNV\"",
    ),
    // Signer.
    (
        "unknown signing authority `{}`",
        "không có thẩm quyền ký `{0}`",
    ),
    (
        "use \"KT.\", \"TL.\", \"TUQ.\" or \"Q.\"; for \"TM.\" write thay_mat = \"<collective>\"",
        "dùng \"KT.\", \"TL.\", \"TUQ.\" hoặc \"Q.\"; với \"TM.\" viết thay_mat = \"<tập thể>\"",
    ),
    (
        "`{}` needs the head's title it signs for",
        "`{0}` cần chức vụ của người đứng đầu được ký thay",
    ),
    (
        "add chuc_vu_thu_truong, e.g. \"Giám đốc\"",
        "thêm chuc_vu_thu_truong, ví dụ \"Giám đốc\"",
    ),
    (
        "`chuc_vu_thu_truong` is only used with `quyen_han`",
        "`chuc_vu_thu_truong` chỉ dùng cùng `quyen_han`",
    ),
    (
        "add quyen_han = \"KT.\" (or TL., TUQ., Q.), or move the title to chuc_vu",
        "thêm quyen_han = \"KT.\" (hoặc TL., TUQ., Q.), hoặc chuyển chức vụ sang chuc_vu",
    ),
    // Body.
    (
        "sections nest at most three deep (I. → 1. → a))",
        "đề mục lồng nhau tối đa ba cấp (I. → 1. → a))",
    ),
    (
        "use \"-\" and \"+\" points below a) instead of another `muc`",
        "dưới a) dùng các ý \"-\" và \"+\" thay vì thêm một `muc`",
    ),
    (
        "a section has neither `tieu_de` nor `noi_dung`",
        "đề mục không có `tieu_de` cũng không có `noi_dung`",
    ),
    (
        "give the section a title or some content",
        "hãy đặt tên hoặc viết nội dung cho đề mục",
    ),
    (
        "unknown body block key `{}`; use {}",
        "không có khóa khối nội dung `{0}`; dùng {1}",
    ),
    (
        "a body block has exactly one key ({}); split it into two blocks",
        "mỗi khối nội dung có đúng một khóa ({0}); hãy tách thành hai khối",
    ),
    (
        "an empty table is not a body block; use one key: {}",
        "bảng rỗng không phải khối nội dung; dùng một khóa: {0}",
    ),
    (
        "a paragraph (a string) or a table with one key: {}",
        "một đoạn văn (chuỗi) hoặc một bảng có một khóa: {0}",
    ),
    (
        "unknown generated block `{}`; use one of: {}",
        "không có khối tự sinh `{0}`; dùng một trong: {1}",
    ),
    ("unknown size set `{}`", "không có bộ cỡ chữ `{0}`"),
    // Criteria, tasks, appendices.
    (
        "criterion code `{}` appears twice",
        "mã tiêu chí `{0}` xuất hiện hai lần",
    ),
    (
        "each criterion code must be unique; renumber one of them",
        "mỗi mã tiêu chí phải khác nhau; hãy đánh lại một mã",
    ),
    (
        "assessed {} is not between 0 and the maximum {}",
        "điểm thẩm định {0} không nằm trong khoảng từ 0 đến điểm tối đa {1}",
    ),
    ("check the assessed points", "kiểm tra lại điểm thẩm định"),
    (
        "maximum {} is out of range",
        "điểm tối đa {0} nằm ngoài phạm vi",
    ),
    (
        "write the framework's maximum points",
        "viết điểm tối đa theo bộ tiêu chí",
    ),
    (
        "criterion `{}` has only one of diem_toi_da and diem_dat",
        "tiêu chí `{0}` chỉ có một trong hai diem_toi_da và diem_dat",
    ),
    (
        "give both the maximum and the assessed points, or neither",
        "ghi cả điểm tối đa và điểm thẩm định, hoặc không ghi cả hai",
    ),
    (
        "criterion `{}` types maximum {} but its parts add up to {}; the tables show {}",
        "tiêu chí `{0}` ghi điểm tối đa {1} nhưng các phần cộng lại là {2}; bảng ghi {3}",
    ),
    (
        "criterion `{}` types assessed points {} but its parts add up to {}; the tables show {}",
        "tiêu chí `{0}` ghi điểm thẩm định {1} nhưng các phần cộng lại là {2}; bảng ghi {3}",
    ),
    ("unknown appendix preset `{}`", "không có mẫu phụ lục `{0}`"),
    (
        "column `{}` is not available in a `{}` appendix",
        "cột `{0}` không có trong phụ lục `{1}`",
    ),
    ("unknown orientation `{}`", "không có hướng trang `{0}`"),
    ("unknown status `{}`", "không có trạng thái `{0}`"),
    (
        "unknown progress status `{}`",
        "không có trạng thái tiến độ `{0}`",
    ),
    (
        "`{}` is a {}, not a Kế hoạch",
        "`{0}` là {1}, không phải Kế hoạch",
    ),
    (
        "point ke_hoach at the plan record",
        "hãy trỏ ke_hoach tới bản ghi kế hoạch",
    ),
    ("the {} `{}` does not exist", "không có {0} `{1}`"),
    (
        "give the {}'s path relative to this record's folder",
        "ghi đường dẫn của {0} tính từ thư mục của bản ghi này",
    ),
    // Progress updates.
    (
        "no criterion `{}` in this plan",
        "kế hoạch này không có tiêu chí `{0}`",
    ),
    (
        "no task {} in this plan",
        "kế hoạch này không có nhiệm vụ {0}",
    ),
    (
        "`{}` is not a task number",
        "`{0}` không phải số thứ tự nhiệm vụ",
    ),
    (
        "criterion `{}` has no sub-criterion {}",
        "tiêu chí `{0}` không có tiêu chí con thứ {1}",
    ),
    (
        "criterion `{}` has sub-criteria; progress belongs to one of them",
        "tiêu chí `{0}` có tiêu chí con; tiến độ ghi cho một tiêu chí con",
    ),
    ("it has {} sub-criteria", "tiêu chí này có {0} tiêu chí con"),
    (
        "add --sub N (1 for the first sub-criterion)",
        "thêm --sub N (1 là tiêu chí con thứ nhất)",
    ),
    (
        "give a criterion code (ma) or its number in the progress appendix",
        "ghi mã tiêu chí (ma) hoặc số thứ tự của nó trong phụ lục tiến độ",
    ),
    (
        "tasks are numbered 1, 2, … across all groups",
        "nhiệm vụ được đánh số 1, 2, … liên tục qua các nhóm",
    ),
    (
        "vanban progress edits [[…]] tables; add the entry by hand",
        "vanban progress chỉ sửa được bảng [[…]]; hãy thêm mục này bằng tay",
    ),
    ("recorded {} on {} in {}", "đã ghi {0} ngày {1} vào {2}"),
    ("{} changed", "{0} mục thay đổi"),
    // Templates and markup.
    (
        "template error while rendering {}",
        "lỗi mẫu khi kết xuất {0}",
    ),
    (
        "fix the template, or remove it from the templates folder to use the built-in one",
        "sửa mẫu, hoặc bỏ nó khỏi thư mục mẫu để dùng mẫu có sẵn",
    ),
    (
        "the template produced invalid markup, {}",
        "mẫu sinh ra đánh dấu không hợp lệ, {0}",
    ),
    (
        "line {} of the rendered markup: {}: `{}`",
        "dòng {0} của đánh dấu đã kết xuất: {1}: `{2}`",
    ),
    (
        "check the template's @ directives",
        "kiểm tra các chỉ thị @ của mẫu",
    ),
    // Output.
    ("wrote {}", "đã ghi {0}"),
    (
        "wrote {}; edit it, then: vanban render {}",
        "đã ghi {0}; sửa nội dung, rồi chạy: vanban render {1}",
    ),
    (
        "all templates already exist in {}",
        "mọi mẫu đã có sẵn trong {0}",
    ),
    (
        "already exists; vanban new never replaces a file",
        "đã tồn tại; vanban new không bao giờ ghi đè tệp",
    ),
    (
        "choose another name, or delete the file first",
        "chọn tên khác, hoặc xóa tệp đó trước",
    ),
    ("no scaffold for `{}`", "không có bản ghi mẫu cho `{0}`"),
    (
        "the output path would leave the output folder",
        "đường dẫn đầu ra sẽ ra ngoài thư mục đầu ra",
    ),
    ("would write {} like {} does", "sẽ ghi {0} trùng với {1}"),
    (
        "render the two records into different --out folders",
        "kết xuất hai bản ghi này vào các thư mục --out khác nhau",
    ),
    (
        "internal error while writing the document: {}",
        "lỗi nội bộ khi ghi văn bản: {0}",
    ),
    (
        "please report this with the record attached",
        "xin báo lỗi này kèm theo bản ghi",
    ),
    (
        "{} written, {} unchanged, {} failed in {} s",
        "đã ghi {0}, không đổi {1}, lỗi {2}, trong {3} giây",
    ),
    ("{} checked, {} failed", "đã kiểm tra {0}, lỗi {1}"),
    (
        "watching {} (Ctrl+C to stop)",
        "đang theo dõi {0} (Ctrl+C để dừng)",
    ),
    // PDF.
    (
        "LibreOffice is needed to write PDFs and was not found",
        "cần LibreOffice để ghi PDF nhưng không tìm thấy",
    ),
    (
        "cannot start LibreOffice: {}",
        "không khởi động được LibreOffice: {0}",
    ),
    (
        "cannot wait for LibreOffice: {}",
        "không chờ được LibreOffice: {0}",
    ),
    (
        "LibreOffice did not finish within {} s and was stopped",
        "LibreOffice không xong trong {0} giây nên đã bị dừng",
    ),
    ("LibreOffice failed ({}): {}", "LibreOffice lỗi ({0}): {1}"),
    (
        "LibreOffice wrote no PDF for this file",
        "LibreOffice không ghi ra PDF cho tệp này",
    ),
    (
        "open the .docx in LibreOffice to see why it cannot be converted",
        "mở tệp .docx bằng LibreOffice để xem vì sao không chuyển được",
    ),
    (
        "try again; if it keeps happening, open the .docx in LibreOffice",
        "thử lại; nếu vẫn lỗi, mở tệp .docx bằng LibreOffice",
    ),
    // Command line (clap's messages, line by line).
    (
        "error: unexpected argument '{}' found",
        "lỗi: không có tham số '{0}'",
    ),
    (
        "error: unrecognized subcommand '{}'",
        "lỗi: không có lệnh '{0}'",
    ),
    (
        "error: invalid value '{}' for '{}'",
        "lỗi: giá trị '{0}' không hợp lệ cho '{1}'",
    ),
    (
        "error: the following required arguments were not provided:",
        "lỗi: thiếu các tham số bắt buộc sau:",
    ),
    (
        "error: a value is required for '{}' but none was supplied",
        "lỗi: '{0}' cần một giá trị nhưng chưa có",
    ),
    ("  [possible values: {}]", "  [giá trị có thể dùng: {0}]"),
    (
        "  tip: a similar subcommand exists: '{}'",
        "  gợi ý: có lệnh tương tự: '{0}'",
    ),
    (
        "  tip: a similar argument exists: '{}'",
        "  gợi ý: có tham số tương tự: '{0}'",
    ),
    (
        "  tip: to pass '{}' as a value, use '{}'",
        "  gợi ý: để truyền '{0}' như một giá trị, dùng '{1}'",
    ),
    ("Usage: {}", "Cách dùng: {0}"),
    ("For more information, try '{}'.", "Xem thêm: '{0}'."),
    // Help text of the commands and their options.
    (
        "Render records (files or folders, default plans/) into .docx files",
        "Kết xuất bản ghi (tệp hoặc thư mục, mặc định plans/) thành tệp .docx",
    ),
    (
        "Records or folders of records",
        "Bản ghi hoặc thư mục bản ghi",
    ),
    (
        "Records or folders of records (default plans/)",
        "Bản ghi hoặc thư mục bản ghi (mặc định plans/)",
    ),
    (
        "Output folder; folder structure below the inputs is mirrored",
        "Thư mục đầu ra; giữ nguyên cấu trúc thư mục của đầu vào",
    ),
    ("Output folder", "Thư mục đầu ra"),
    (
        "Folder whose templates replace the built-in ones of the same name",
        "Thư mục chứa mẫu thay cho mẫu có sẵn cùng tên",
    ),
    (
        "Show progress as of this date (YYYY-MM-DD), overriding the records' tinh_den",
        "Tiến độ tính đến ngày này (YYYY-MM-DD), thay cho tinh_den của bản ghi",
    ),
    (
        "Render every record, even those unchanged since their output was written",
        "Kết xuất mọi bản ghi, kể cả bản ghi không đổi từ lần ghi trước",
    ),
    (
        "No progress bar and no per-file lines; errors and the summary still print",
        "Không hiện thanh tiến trình và từng tệp; vẫn in lỗi và dòng tổng kết",
    ),
    (
        "Worker threads (default: one per core)",
        "Số luồng làm việc (mặc định: mỗi lõi một luồng)",
    ),
    (
        "Also write a PDF beside each .docx, through LibreOffice headless",
        "Ghi thêm PDF cạnh mỗi tệp .docx, qua LibreOffice chạy nền",
    ),
    (
        "Check records and templates by rendering in memory; nothing is written",
        "Kiểm tra bản ghi và mẫu bằng cách kết xuất trong bộ nhớ; không ghi tệp nào",
    ),
    (
        "`text` for people, `json` for scripts",
        "`text` để đọc, `json` cho chương trình",
    ),
    (
        "Render, then render again whenever a record or a template changes, until interrupted",
        "Kết xuất, rồi kết xuất lại mỗi khi bản ghi hoặc mẫu thay đổi, đến khi dừng",
    ),
    (
        "Write a complete, commented record of a kind to start from (it renders as it is)",
        "Ghi một bản ghi mẫu đầy đủ, có chú thích, để bắt đầu (kết xuất được ngay)",
    ),
    (
        "ke-hoach, bao-cao, cong-van or phu-luc (a Công văn with its appendix in a file of its own)",
        "ke-hoach, bao-cao, cong-van hoặc phu-luc (Công văn kèm phụ lục ở tệp riêng)",
    ),
    (
        "The record to create, e.g. plans/so-noi-vu/ke-hoach-2026.toml",
        "Bản ghi sẽ tạo, ví dụ plans/so-noi-vu/ke-hoach-2026.toml",
    ),
    (
        "Write the built-in templates into a folder for editing (existing files are kept)",
        "Ghi các mẫu có sẵn ra thư mục để sửa (giữ nguyên tệp đã có)",
    ),
    (
        "Record a progress update for one item of a plan, editing the TOML in place",
        "Ghi tiến độ cho một mục của kế hoạch, sửa trực tiếp tệp TOML",
    ),
    ("The plan record", "Bản ghi kế hoạch"),
    (
        "Criterion code (ma) or number in the progress appendix; with --task, a task number",
        "Mã tiêu chí (ma) hoặc số thứ tự trong phụ lục tiến độ; với --task, số thứ tự nhiệm vụ",
    ),
    (
        "The item is a task of [[nhom]], numbered 1, 2, … across groups",
        "Mục là nhiệm vụ của [[nhom]], đánh số 1, 2, … liên tục qua các nhóm",
    ),
    (
        "Sub-criterion number (1 for the first [[tieu_chi.con]])",
        "Số thứ tự tiêu chí con (1 là [[tieu_chi.con]] đầu tiên)",
    ),
    (
        "hoan-thanh, dang-thuc-hien, chua-thuc-hien or khong-the-thuc-hien",
        "hoan-thanh, dang-thuc-hien, chua-thuc-hien hoặc khong-the-thuc-hien",
    ),
    (
        "Date of the update (YYYY-MM-DD)",
        "Ngày cập nhật (YYYY-MM-DD)",
    ),
    (
        "What was done, e.g. \"Đã hoàn thành 06/10 nhiệm vụ\"",
        "Kết quả, ví dụ \"Đã hoàn thành 06/10 nhiệm vụ\"",
    ),
    (
        "List the items whose progress changed between two dates",
        "Liệt kê các mục có tiến độ thay đổi giữa hai ngày",
    ),
    (
        "Language of messages: en or vi (default: from LANG)",
        "Ngôn ngữ thông báo: en hoặc vi (mặc định: theo LANG)",
    ),
    ("Print help", "In trợ giúp"),
    ("Print version", "In phiên bản"),
    (
        "Print help (see more with '--help')",
        "In trợ giúp (xem thêm với '--help')",
    ),
    (
        "Print this message or the help of the given subcommand(s)",
        "In trợ giúp này hoặc trợ giúp của (các) lệnh đã cho",
    ),
    ("{} [default: {}]", "{0} [mặc định: {1}]"),
    ("{} [possible values: {}]", "{0} [giá trị: {1}]"),
    (
        "{} [default: {}] [possible values: {}]",
        "{0} [mặc định: {1}] [giá trị: {2}]",
    ),
];

/// Values that are themselves words: translated when a pattern carries them.
pub const VALUES: &[(&str, &str)] = &[
    (
        "\"-\", \"+\", ghi_chu or chen",
        "\"-\", \"+\", ghi_chu hoặc chen",
    ),
    ("plan", "kế hoạch"),
    ("document", "văn bản"),
    ("a whole number", "một số nguyên"),
    ("a number", "một số"),
    ("a list [ … ]", "một danh sách [ … ]"),
    ("a sequence", "một danh sách"),
    ("a date", "một ngày"),
    ("string", "chuỗi"),
    ("integer", "số nguyên"),
    ("float", "số thực"),
    ("boolean", "giá trị đúng/sai"),
    ("day between 01 and 28", "ngày từ 01 đến 28"),
    ("day between 01 and 29", "ngày từ 01 đến 29"),
    ("day between 01 and 30", "ngày từ 01 đến 30"),
    ("day between 01 and 31", "ngày từ 01 đến 31"),
];
