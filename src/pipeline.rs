//! The render pipeline of one record: load the documents it names, derive, run the body
//! template, parse its markup, lay out every section and write the .docx bytes. Nothing here
//! touches the disk but reading records; `output` writes what this returns.

use std::path::Path;

use crate::error::{Error, Location, Warning};
use crate::messages::{Check, Run};
use crate::record::Named;
use crate::template::Templates;
use crate::text::Decimal;
use crate::{blocks, derive, docx, layout, record, text};

/// One output file of a record: the main document (empty suffix) or an appendix written as a
/// file of its own ("-phu-luc", "-phu-luc-II").
#[derive(Debug)]
pub struct OutputFile {
    pub suffix: String,
    pub bytes: Vec<u8>,
}

/// What rendering a record produced.
#[derive(Debug)]
pub struct Rendered {
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Warning>,
}

/// What the command line adds to a render.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderOptions {
    /// Render progress as of this date, overriding the record's `tinh_den`.
    pub as_of: Option<record::DocDate>,
    /// Everything on the thread rendering the record (`-j 1`): a large document's main part
    /// is not deflated on a thread of its own while it is written.
    pub one_thread: bool,
}

/// Loads a record that `from` names (relative to its folder): the plan of a report, the
/// document a Công văn sends. The batch has already checked that it lies inside the folder
/// being rendered (`confine`).
fn load_named(
    from: &record::Loaded,
    reference: &toml::Spanned<String>,
    what: Named,
) -> Result<record::Loaded, Error> {
    record::load(&record::reference(from, reference, what, None)?)
}

/// Loads the plan a report names and gives the report its criteria and tasks; returns how the
/// report refers to the plan.
fn attach_plan(
    report: &mut record::Loaded,
    reference: &toml::Spanned<String>,
) -> Result<derive::PlanRef, Error> {
    let mut plan = load_named(report, reference, Named::Plan)?;
    let path = plan.path.clone();
    if plan.kind != record::Kind::KeHoach {
        return Err(report.error_at(
            reference.span(),
            Check::NotAPlan {
                path,
                kind: plan.kind.name().to_string(),
            },
            Check::PointAtPlan,
        ));
    }
    if report.record.tieu_chi.is_empty() {
        report.record.tieu_chi = std::mem::take(&mut plan.record.tieu_chi);
    }
    if report.record.nhom.is_empty() {
        report.record.nhom = std::mem::take(&mut plan.record.nhom);
    }
    report.warnings.append(&mut plan.warnings);
    Ok(derive::plan_reference(&plan))
}

/// Renders one record into .docx bytes. Nothing is written to disk.
pub fn render(
    record_path: &Path,
    templates: &Templates,
    options: RenderOptions,
) -> Result<Rendered, Error> {
    render_loaded(record::load(record_path)?, templates, options)
}

/// A record laid out: its view and the documents it makes, the main one and the appendices
/// written as files of their own (suffix, document, title), with the warnings so far.
struct LaidOut {
    loaded: record::Loaded,
    view: derive::View,
    appendix_file: bool,
    main: layout::Document,
    separate: Vec<(String, layout::Document, String)>,
}

/// Takes a record through derive, its template and layout: everything but the .docx.
fn lay_out(
    mut loaded: record::Loaded,
    templates: &Templates,
    options: RenderOptions,
) -> Result<LaidOut, Error> {
    let record_path = loaded.path.clone();
    let record_path = record_path.as_path();
    // A Phụ lục issued as a file of its own has no body, so no template.
    let appendix_file = loaded.kind == record::Kind::PhuLuc;
    if !appendix_file {
        if let Some(error) = templates.load_error(loaded.kind) {
            return Err(error);
        }
        if !templates.supports(loaded.kind) {
            return Err(loaded.error_at(
                loaded.record.loai.span(),
                Check::NoTemplate {
                    kind: loaded.kind.code().to_string(),
                },
                Check::SupportedKinds,
            ));
        }
    }
    let plan = match loaded.record.ke_hoach.take() {
        Some(reference) => Some(attach_plan(&mut loaded, &reference)?),
        None => None,
    };
    let attachment = match &loaded.record.kem_theo {
        Some(reference) => {
            let sent = load_named(&loaded, reference, Named::Document)?;
            // A Phụ lục file has no trích yếu to name it by: the letter sends its document.
            if sent.kind == record::Kind::PhuLuc {
                return Err(loaded.error_at(
                    reference.span(),
                    Check::SendsAppendixFile { path: sent.path },
                    Check::SendTheDocument,
                ));
            }
            Some(derive::plan_reference(&sent))
        }
        None => None,
    };
    let mut view = derive::derive(
        &loaded,
        &derive::Options {
            as_of: options.as_of,
            plan,
            attachment,
            task_views: !appendix_file && templates.read_tasks(),
        },
    );
    let sizes = layout::Sizes::for_set(view.size_set);
    let mut main = layout::Document {
        sizes,
        sections: Vec::new(),
    };
    if !appendix_file {
        let markup = templates.render(loaded.kind, &view, record_path)?;
        let body =
            blocks::parse(&markup).map_err(|e| templates.markup_error(&view, record_path, &e))?;
        drop(markup);
        main.sections.push(layout::main_section(&view, &body));
    }
    let several = view.phu_luc.len() > 1;
    let mut separate = Vec::new();
    for (index, appendix) in view.phu_luc.iter_mut().enumerate() {
        let table = std::mem::take(&mut appendix.bang);
        // Every appendix of a Phụ lục record goes in its one file; a plan's appendix marked
        // tep_rieng in a file of its own. Such a file is signed on its first page.
        let own_file = !appendix_file && appendix.tep_rieng;
        let place = if own_file || (appendix_file && index == 0) {
            layout::AppendixPlace::FileStart
        } else {
            layout::AppendixPlace::InDocument
        };
        let section = layout::appendix_section(appendix, table, sizes, place);
        let warnings = width_warnings(&loaded, appendix, &section);
        loaded.warnings.extend(warnings);
        if own_file {
            separate.push((
                appendix_suffix(index, several),
                layout::Document {
                    sizes,
                    sections: vec![section],
                },
                appendix.tieu_de_hoa.clone(),
            ));
        } else {
            main.sections.push(section);
        }
    }
    Ok(LaidOut {
        loaded,
        view,
        appendix_file,
        main,
        separate,
    })
}

/// The suffix of the file of its own that appendix `index` is written to.
fn appendix_suffix(index: usize, several: bool) -> String {
    if several {
        format!(
            "-phu-luc-{}",
            text::roman(u32::try_from(index + 1).unwrap_or(1))
        )
    } else {
        "-phu-luc".to_string()
    }
}

/// What checking a record found: the suffixes of the files a render would write (the main
/// document's is empty) and the warnings.
#[derive(Debug)]
pub(crate) struct Checked {
    pub suffixes: Vec<String>,
    pub warnings: Vec<Warning>,
}

/// Checks a record as a render would, layout and its warnings included, without writing any
/// .docx (`vanban check`): the package cannot fail on a record that got here.
pub(crate) fn check_loaded(
    loaded: record::Loaded,
    templates: &Templates,
    options: RenderOptions,
) -> Result<Checked, Error> {
    let laid = lay_out(loaded, templates, options)?;
    let suffixes = std::iter::once(String::new())
        .chain(laid.separate.into_iter().map(|(suffix, _, _)| suffix))
        .collect();
    Ok(Checked {
        suffixes,
        warnings: laid.loaded.warnings,
    })
}

/// Renders a record already loaded (from a file, or from text by [`record::parse`]).
pub fn render_loaded(
    loaded: record::Loaded,
    templates: &Templates,
    options: RenderOptions,
) -> Result<Rendered, Error> {
    let LaidOut {
        mut loaded,
        view,
        appendix_file,
        main,
        separate,
    } = lay_out(loaded, templates, options)?;
    // The record's strings, for the provenance each written document carries.
    let source = crate::pull::Source::of(&mut loaded);
    let date = loaded.date;
    let threads = if options.one_thread {
        docx::Threads::One
    } else {
        docx::Threads::Spare
    };
    let properties = |title: &str, subject: &str| docx::Properties {
        title: title.to_string(),
        subject: subject.to_string(),
        creator: view.co_quan.ten.clone(),
        keywords: view.so_ky_hieu.trim().to_string(),
        signed: date,
    };
    let main_properties = if appendix_file {
        let title = view.phu_luc.first().map_or("", |a| a.tieu_de_hoa.as_str());
        properties(title, view.loai.ten)
    } else {
        properties(&view.trich_yeu, view.loai.ten)
    };
    let separate: Vec<_> = separate
        .into_iter()
        .map(|(suffix, document, title)| (suffix, document, properties(&title, "Phụ lục")))
        .collect();
    // The record, its text and its derived view are no longer needed: freed before the
    // documents are written, the largest of them with their provenance.
    let large = threads == docx::Threads::Spare && loaded.source.len() >= LARGE_RECORD;
    let record::Loaded {
        path,
        warnings,
        record,
        source: text,
        ..
    } = loaded;
    free((view, record, text), large);
    let write = |document: &layout::Document, props: &docx::Properties| {
        docx::write(document, props, source.recorder(), threads).map_err(|detail| {
            Error::about(&path, Run::InternalWriteError { detail }).help(Run::ReportWithRecord)
        })
    };
    let mut files = vec![OutputFile {
        suffix: String::new(),
        bytes: write(&main, &main_properties)?,
    }];
    free(main, large);
    for (suffix, document, properties) in separate {
        files.push(OutputFile {
            bytes: write(&document, &properties)?,
            suffix,
        });
    }
    Ok(Rendered { files, warnings })
}

/// Bytes of record text from which what is rendered from it is freed on a thread of its own
/// ([`free`]): a record this long (a thousand tasks or so) lays out into some tens of
/// thousands of allocations, milliseconds to free, against some tens of microseconds to start
/// a thread.
const LARGE_RECORD: usize = 128 * 1024;

/// Frees `value`; when `aside`, on a thread of its own, which the render does not wait for:
/// the record and the laid-out document of a long appendix are some tens of thousands of
/// allocations, a few milliseconds to free (10,000 rows: 4 % of the render).
fn free<T: Send + 'static>(value: T, aside: bool) {
    if aside {
        // Where no thread can be started, the closure, and `value` with it, is freed here.
        let _ = std::thread::Builder::new()
            .name("free".into())
            .spawn(move || drop(value));
    } else {
        drop(value);
    }
}

/// A warning at each `rong` of the record that makes its column narrower than a word in it,
/// or leaves another column only its longest word.
fn width_warnings(
    loaded: &record::Loaded,
    appendix: &derive::AppendixView,
    section: &layout::Section,
) -> Vec<Warning> {
    let mm = |twips: u32| {
        let mm = f64::from(twips) / 56.692_9;
        Decimal::from_f64((mm * 10.0).round() / 10.0)
    };
    let at = |column: usize, message: &dyn Fn(&derive::GivenWidth) -> Check| {
        let given = appendix.rong.get(column)?.as_ref()?;
        Some(Warning {
            location: Location::from_span(&loaded.path, &loaded.source, given.span.clone()),
            message: message(given).into(),
        })
    };
    let broken = section.broken_words().filter_map(|broken| {
        at(broken.column, &|given| Check::WidthBreaksWord {
            column: given.heading.clone(),
            rong: given.rong,
            width: mm(broken.width),
            word: broken.word.clone(),
            least: broken.least_relative,
            least_width: mm(broken.least),
        })
    });
    let crowding = section.crowding().filter_map(|crowding| {
        at(crowding.column, &|given| Check::WidthCrowds {
            column: given.heading.clone(),
            rong: given.rong,
            width: mm(crowding.width),
            lines: crowding.lines,
            crowded: crowding.crowded.clone(),
            crowded_lines: crowding.crowded_lines,
        })
    });
    broken.chain(crowding).collect()
}
