//! Every message, in both languages, from sample values: the checks the compiler cannot make.

use std::collections::HashSet;

use super::*;

#[test]
fn every_message_renders_in_both_languages_with_every_field() {
    let samples = Message::samples();
    assert!(samples.len() > 150, "only {} messages", samples.len());
    for message in &samples {
        for lang in Lang::ALL {
            let text = message.text(lang);
            assert!(
                !text.trim().is_empty(),
                "{}: empty in {lang:?}",
                message.code()
            );
            assert!(
                !leftover_placeholder(&text),
                "{}: placeholder left in {lang:?}: {text}",
                message.code()
            );
            for value in message.sample_values(lang) {
                assert!(
                    text.contains(&value),
                    "{}: {lang:?} text does not show {value:?}: {text}",
                    message.code()
                );
            }
        }
    }
}

/// `{name}` left in a text: a placeholder that was not filled.
fn leftover_placeholder(text: &str) -> bool {
    text.split('{').skip(1).any(|rest| {
        rest.split_once('}').is_some_and(|(name, _)| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    }) && !text.contains("about-with-newline")
        && !text.contains("{usage}")
        && !text.contains("{subcommands}")
        && !text.contains("{positionals}")
        && !text.contains("{options}")
}

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = HashSet::new();
    for message in Message::samples() {
        let code = message.code();
        assert!(seen.insert(code), "code {code} used twice");
        let (letter, digits) = code.split_at(1);
        assert!(
            "EWHITLU".contains(letter) && digits.len() == 4,
            "code {code} is not a letter and four digits"
        );
        assert!(digits.chars().all(|c| c.is_ascii_digit()), "code {code}");
    }
}

#[test]
fn vietnamese_numbers_take_a_decimal_comma_and_english_a_point() {
    let summary = Run::Summary {
        written: 5,
        unchanged: 0,
        failed: 0,
        seconds: Seconds(0.0312),
    };
    assert_eq!(
        summary.text(Lang::Vi),
        "đã ghi 5, không đổi 0, lỗi 0, trong 0,03 giây"
    );
    assert_eq!(
        summary.text(Lang::En),
        "5 written, 0 unchanged, 0 failed in 0.03 s"
    );
    let score = Check::AssessedOutOfRange {
        assessed: 2.5,
        maximum: 2.0,
    };
    assert_eq!(
        score.text(Lang::Vi),
        "điểm thẩm định 2,5 không nằm trong khoảng từ 0 đến điểm tối đa 2"
    );
    assert_eq!(
        score.text(Lang::En),
        "assessed 2.5 is not between 0 and the maximum 2"
    );
}

#[test]
fn values_are_never_translated() {
    let message = Check::UnknownKey {
        key: "help error warning".into(),
    };
    assert_eq!(message.text(Lang::Vi), "không có khóa `help error warning`");
}

#[test]
fn fixed_words_are_the_text_without_its_values() {
    let message: Message = Check::UnknownKey {
        key: String::sample(1),
    }
    .into();
    assert_eq!(message.fixed_words(Lang::En), ["unknown key `", "`"]);
}

#[test]
fn every_message_has_its_own_vietnamese_wording() {
    // The program's name line is Vietnamese in both languages.
    let same_in_both = ["U0001"];
    for message in Message::samples() {
        if same_in_both.contains(&message.code()) {
            continue;
        }
        assert_ne!(
            message.text(Lang::En),
            message.text(Lang::Vi),
            "{} has no Vietnamese of its own",
            message.code()
        );
    }
}
