//! The command line in the clerk's language: the language is chosen before clap parses (the
//! help text must already be translated), and clap's help and usage errors are shown in it.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

use crate::i18n::{self, Lang, tr};

/// The value of `--lang` (`--lang vi` or `--lang=vi`) if the arguments carry one.
fn lang_flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
        if arg == "--lang" {
            return args.next().map(|v| v.to_string());
        }
    }
    None
}

/// Chooses and sets the language from the arguments and the environment, then parses them.
/// `Err` carries the exit code after help, version or a usage error has been printed.
pub fn parse<T: CommandFactory + FromArgMatches>(args: Vec<OsString>) -> Result<T, i32> {
    let lang = i18n::detect(lang_flag(&args).as_deref(), |name| std::env::var(name).ok());
    i18n::set(lang);
    let command = match lang {
        Lang::En => T::command(),
        Lang::Vi => vietnamese(T::command()),
    };
    command
        .try_get_matches_from(args)
        .and_then(|matches| T::from_arg_matches(&matches))
        .map_err(|e| report(lang, &e))
}

/// Prints help, version or a usage error; returns the exit code (2 for wrong usage).
fn report(lang: Lang, e: &clap::Error) -> i32 {
    match lang {
        Lang::En => {
            let _ = e.print();
        }
        Lang::Vi => {
            let text = tr(&e.render().to_string()).into_owned();
            if e.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
        }
    }
    e.exit_code()
}

/// The command with its help text in Vietnamese, headings included.
fn vietnamese(mut command: clap::Command) -> clap::Command {
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, vietnamese_help);
    }
    vietnamese_help(command)
}

fn vietnamese_help(mut command: clap::Command) -> clap::Command {
    if let Some(about) = command.get_about().map(ToString::to_string) {
        command = command.about(tr(&about).into_owned());
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |arg| match arg.get_help().map(ToString::to_string) {
            Some(help) => arg.help(tr(&help).into_owned()),
            None => arg,
        });
    }
    let mut template = String::from("{about-with-newline}\nCách dùng: {usage}\n");
    if command.has_subcommands() {
        template.push_str("\nLệnh:\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("\nTham số:\n{positionals}\n");
    }
    template.push_str("\nTùy chọn:\n{options}\n");
    command.help_template(template)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_is_found_in_both_spellings_and_not_after_a_double_dash() {
        assert_eq!(
            lang_flag(&args(&["vanban", "--lang", "vi", "check"])).as_deref(),
            Some("vi")
        );
        assert_eq!(
            lang_flag(&args(&["vanban", "check", "--lang=en"])).as_deref(),
            Some("en")
        );
        assert_eq!(
            lang_flag(&args(&["vanban", "check", "--", "--lang=vi"])),
            None
        );
        assert_eq!(lang_flag(&args(&["vanban", "check"])), None);
    }
}
