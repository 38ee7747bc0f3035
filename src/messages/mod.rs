//! Every message vanban prints, as a value: an enum variant with its fields, a stable code,
//! and its English and Vietnamese wording written out whole beside it.
//!
//! Messages are declared with [`messages!`]; a variant without both wordings, or a wording
//! naming a field the variant lacks, does not compile. Values (keys, paths, record text,
//! numbers) are fields, shown through [`Show`]: user data exactly as written, numbers with the
//! decimal separator of the language. Nothing is translated after the fact, so a record's own
//! words are never touched. The language is chosen once per process ([`lang`]).

mod lang;
mod show;

pub mod check;
pub mod preview;
pub mod pull;
pub mod run;
pub mod usage;

pub use check::Check;
pub use lang::{Lang, current, detect, detect_here, set};
pub use preview::Preview;
pub use pull::Pull;
pub use run::Run;
pub use show::{List, Sample, Seconds, Show};
pub use usage::Usage;

/// Declares one family of messages: the enum, `code()`, `text(lang)` and `samples()`.
///
/// ```text
/// messages! {
///     pub enum Check;
///     /// A record names a kind vanban does not know.
///     UnknownKind { value: String } => "E0102",
///         en: "unknown document kind `{value}`",
///         vi: "loại văn bản `{value}` không có trong danh mục";
/// }
/// ```
macro_rules! messages {
    (
        $(#[$meta:meta])*
        pub enum $Family:ident;
        $(
            $(#[doc = $doc:literal])*
            $Variant:ident $({ $($field:ident : $Type:ty),* $(,)? })? => $code:literal,
                en: $en:literal,
                vi: $vi:literal;
        )+
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        pub enum $Family {
            $( $(#[doc = $doc])* $Variant $({ $($field: $Type),* })? ),+
        }

        impl $Family {
            /// The stable code of the message, as in `check --format json`.
            pub fn code(&self) -> &'static str {
                match self {
                    $( Self::$Variant $({ $($field: _),* })? => $code ),+
                }
            }

            /// The message in `lang`, its values shown as [`Show`] writes them.
            #[allow(clippy::useless_format)]
            pub fn text(&self, lang: $crate::messages::Lang) -> String {
                match self {
                    $( Self::$Variant $({ $($field),* })? => {
                        $($( let $field = $crate::messages::Show::show($field, lang); )*)?
                        match lang {
                            $crate::messages::Lang::En => format!($en),
                            $crate::messages::Lang::Vi => format!($vi),
                        }
                    } )+
                }
            }

            /// One of every message, each field a distinct [`Sample`] value.
            pub fn samples() -> Vec<Self> {
                #[allow(unused_mut, unused_variables)]
                let mut n = 0_usize;
                vec![ $( Self::$Variant $({ $($field: {
                    n += 1;
                    <$Type as $crate::messages::Sample>::sample(n)
                }),* })? ),+ ]
            }

            /// The fields of a sample as they appear in `lang`, in declaration order.
            pub fn sample_values(&self, lang: $crate::messages::Lang) -> Vec<String> {
                match self {
                    $( Self::$Variant $({ $($field),* })? => vec![
                        $($( $crate::messages::Show::show($field, lang) ),*)?
                    ] ),+
                }
            }
        }

        impl From<$Family> for $crate::messages::Message {
            fn from(message: $Family) -> Self {
                $crate::messages::Message::$Family(message)
            }
        }
    };
}
pub(crate) use messages;

/// Any message vanban prints, from one of the families.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Reading and checking a record.
    Check(Check),
    /// Running a command: files, outputs, templates, PDFs, progress lines.
    Run(Run),
    /// `vanban preview`: page images.
    Preview(Preview),
    /// `vanban pull`: edits made in Word brought back into the record.
    Pull(Pull),
    /// The command line: help text and usage errors.
    Usage(Usage),
}

impl Message {
    pub fn code(&self) -> &'static str {
        match self {
            Message::Check(m) => m.code(),
            Message::Run(m) => m.code(),
            Message::Preview(m) => m.code(),
            Message::Pull(m) => m.code(),
            Message::Usage(m) => m.code(),
        }
    }

    pub fn text(&self, lang: Lang) -> String {
        match self {
            Message::Check(m) => m.text(lang),
            Message::Run(m) => m.text(lang),
            Message::Preview(m) => m.text(lang),
            Message::Pull(m) => m.text(lang),
            Message::Usage(m) => m.text(lang),
        }
    }

    /// The message in the language of this process.
    pub fn local(&self) -> String {
        self.text(current())
    }

    /// One of every message of every family, with sample values.
    pub fn samples() -> Vec<Message> {
        let check = Check::samples().into_iter().map(Message::from);
        let run = Run::samples().into_iter().map(Message::from);
        let preview = Preview::samples().into_iter().map(Message::from);
        let pull = Pull::samples().into_iter().map(Message::from);
        let usage = Usage::samples().into_iter().map(Message::from);
        check
            .chain(run)
            .chain(preview)
            .chain(pull)
            .chain(usage)
            .collect()
    }

    /// The sample values inside this message as they appear in `lang`.
    pub fn sample_values(&self, lang: Lang) -> Vec<String> {
        match self {
            Message::Check(m) => m.sample_values(lang),
            Message::Run(m) => m.sample_values(lang),
            Message::Preview(m) => m.sample_values(lang),
            Message::Pull(m) => m.sample_values(lang),
            Message::Usage(m) => m.sample_values(lang),
        }
    }

    /// The fixed words of the message in `lang`: its text split at the values it carries.
    pub fn fixed_words(&self, lang: Lang) -> Vec<String> {
        let mut pieces = vec![self.text(lang)];
        for value in self.sample_values(lang) {
            pieces = pieces
                .iter()
                .flat_map(|piece| piece.split(value.as_str()))
                .map(str::to_string)
                .collect();
        }
        pieces
    }
}

impl Sample for Message {
    fn sample(n: usize) -> Self {
        Check::UnknownKey {
            key: String::sample(n),
        }
        .into()
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.local())
    }
}

impl std::error::Error for Message {}

#[cfg(test)]
mod tests;
