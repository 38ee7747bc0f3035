//! The command line in the clerk's language: the language is chosen before clap parses (the
//! help text must already be in it), every command and option gets its help from a typed
//! message, and clap's usage errors are told again as typed messages.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};

use crate::messages::{self, Lang, List, Message, Usage};

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

/// Chooses and sets the language from the arguments, the environment and the system, then
/// parses them. `Err` carries the exit code after help, version or a usage error was printed.
pub(super) fn parse<T: CommandFactory + FromArgMatches>(args: Vec<OsString>) -> Result<T, i32> {
    let lang = messages::detect_here(lang_flag(&args).as_deref());
    messages::set(lang);
    localised(T::command(), lang)
        .try_get_matches_from(args)
        .and_then(|matches| T::from_arg_matches(&matches))
        .map_err(|e| report(lang, &e))
}

/// Prints help, version or a usage error; returns the exit code (2 for wrong usage).
fn report(lang: Lang, e: &clap::Error) -> i32 {
    let text = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => e.render().to_string(),
        _ => usage_error(lang, e),
    };
    if e.use_stderr() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    e.exit_code()
}

/// A usage error as typed messages, laid out as clap lays out its own: the problem, a tip,
/// the usage line, where to find more.
fn usage_error(lang: Lang, e: &clap::Error) -> String {
    let values = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(list)) => list.clone(),
        _ => Vec::new(),
    };
    let text = |kind| Some(values(kind).join(", ")).filter(|t| !t.is_empty());
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let problem: Message = match e.kind() {
        ErrorKind::UnknownArgument => Usage::UnexpectedArgument { arg }.into(),
        ErrorKind::InvalidSubcommand => Usage::UnknownCommand {
            command: text(ContextKind::InvalidSubcommand).unwrap_or_default(),
        }
        .into(),
        ErrorKind::InvalidValue if value.is_empty() => Usage::ValueRequired { arg }.into(),
        ErrorKind::InvalidValue => Usage::InvalidValue { value, arg }.into(),
        ErrorKind::ValueValidation => match cause(e) {
            Some(cause) => Usage::InvalidValueBecause {
                value,
                arg,
                cause: Box::new(cause),
            }
            .into(),
            None => Usage::InvalidValue { value, arg }.into(),
        },
        ErrorKind::MissingRequiredArgument => Usage::MissingArguments {
            args: List(values(ContextKind::InvalidArg)),
        }
        .into(),
        ErrorKind::MissingSubcommand => Usage::MissingCommand.into(),
        ErrorKind::ArgumentConflict if !arg.is_empty() => Usage::UsedTwice { arg }.into(),
        _ => Usage::WrongUsage.into(),
    };
    let label = messages::Run::LabelError.text(lang);
    let mut out = format!("{label}: {}", problem.text(lang));
    let valid = values(ContextKind::ValidValue);
    if e.kind() == ErrorKind::InvalidValue && !valid.is_empty() {
        let possible = Usage::PossibleValues {
            values: List(valid),
        };
        out.push_str(&format!("\n  {}", possible.text(lang)));
    }
    let tips: Vec<Usage> = [
        text(ContextKind::SuggestedSubcommand).map(|command| Usage::SimilarCommand { command }),
        text(ContextKind::SuggestedArg).map(|arg| Usage::SimilarArgument { arg }),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            out.push_str(&format!("\n  {}", tip.text(lang)));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).to_string();
        out.push_str(&format!("\n\n{}", Usage::UsageLine { usage }.text(lang)));
    }
    out.push_str(&format!("\n\n{}\n", Usage::MoreInformation.text(lang)));
    out
}

/// The typed message behind a value parser's refusal (see `parse_date`).
fn cause(e: &clap::Error) -> Option<Message> {
    let source = std::error::Error::source(e)?;
    source.downcast_ref::<Message>().cloned()
}

/// The command with every help text, heading and note from typed messages in `lang`.
fn localised(mut command: clap::Command, lang: Lang) -> clap::Command {
    command.build();
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| localised_one(sub, lang));
    }
    localised_one(command, lang)
}

fn localised_one(mut command: clap::Command, lang: Lang) -> clap::Command {
    let name = command.get_name().to_string();
    if let Some(about) = about(&name) {
        command = command.about(about.text(lang));
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| {
            let mut help = argument_help(&name, &id).map(|m| m.text(lang));
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let takes_values = arg.get_action().takes_values();
            let notes = [
                (takes_values && !defaults.is_empty()).then(|| Usage::DefaultValue {
                    value: defaults.join(", "),
                }),
                (takes_values && !values.is_empty()).then_some(Usage::PossibleValues {
                    values: List(values),
                }),
            ];
            for note in notes.into_iter().flatten() {
                let help = help.get_or_insert_with(String::new);
                if !help.is_empty() {
                    help.push(' ');
                }
                help.push_str(&note.text(lang));
            }
            let arg = arg.hide_default_value(true).hide_possible_values(true);
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let mut template = Usage::HelpTemplate.text(lang);
    if command.has_subcommands() {
        template.push_str(&Usage::HelpCommands.text(lang));
    }
    if command.get_positionals().next().is_some() {
        template.push_str(&Usage::HelpArguments.text(lang));
    }
    template.push_str(&Usage::HelpOptions.text(lang));
    command.help_template(template)
}

/// What a command does, by its name.
fn about(command: &str) -> Option<Usage> {
    Some(match command {
        "vanban" => Usage::About,
        "render" => Usage::RenderAbout,
        "check" => Usage::CheckAbout,
        "preview" => Usage::PreviewAbout,
        "watch" => Usage::WatchAbout,
        "new" => Usage::NewAbout,
        "templates" => Usage::TemplatesAbout,
        "progress" => Usage::ProgressAbout,
        "changes" => Usage::ChangesAbout,
        "pull" => Usage::PullAbout,
        "help" => Usage::HelpCommand,
        _ => return None,
    })
}

/// The help of an argument, by its command and id.
fn argument_help(command: &str, id: &str) -> Option<Usage> {
    Some(match (command, id) {
        (_, "lang") => Usage::LangHelp,
        (_, "help") => Usage::HelpFlag,
        (_, "version") => Usage::VersionFlag,
        ("render" | "check" | "watch", "paths") => Usage::Paths,
        ("render", "out") => Usage::OutMirrored,
        ("watch", "out") => Usage::Out,
        ("render" | "check" | "watch", "templates") => Usage::TemplatesFolder,
        ("render", "as_of") => Usage::AsOf,
        ("render", "force") => Usage::Force,
        ("render", "quiet") => Usage::Quiet,
        ("render", "jobs") => Usage::Jobs,
        ("render", "pdf") => Usage::Pdf,
        ("render", "pdf_a") => Usage::PdfA,
        ("check", "format") => Usage::Format,
        ("preview", "paths") => Usage::PreviewPaths,
        ("preview", "out") => Usage::PreviewOut,
        ("preview", "templates") => Usage::TemplatesFolder,
        ("preview", "pages") => Usage::Pages,
        ("preview", "dpi") => Usage::Dpi,
        ("preview", "sheet") => Usage::Sheet,
        ("new", "kind") => Usage::NewKind,
        ("new", "path") => Usage::NewPath,
        ("templates", "folder") => Usage::TemplatesTarget,
        ("progress" | "changes", "plan") => Usage::Plan,
        ("progress", "item") => Usage::Item,
        ("progress", "task") => Usage::Task,
        ("progress", "sub") => Usage::Sub,
        ("progress", "status") => Usage::Status,
        ("progress", "date") => Usage::Date,
        ("progress", "text") => Usage::Text,
        ("changes", "from") => Usage::From,
        ("changes", "to") => Usage::To,
        ("pull", "docx") => Usage::PullDocx,
        ("pull", "record") => Usage::PullRecord,
        ("pull", "date") => Usage::PullDate,
        ("pull", "apply") => Usage::PullApply,
        _ => return None,
    })
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

    #[test]
    fn every_command_and_argument_has_typed_help() {
        let mut command = super::super::Cli::command();
        command.build();
        let mut commands: Vec<&clap::Command> = command.get_subcommands().collect();
        commands.push(&command);
        for c in commands {
            assert!(
                about(c.get_name()).is_some(),
                "no about for {}",
                c.get_name()
            );
            for arg in c.get_arguments() {
                assert!(
                    argument_help(c.get_name(), arg.get_id().as_str()).is_some(),
                    "no help for {} {}",
                    c.get_name(),
                    arg.get_id()
                );
            }
        }
    }
}
