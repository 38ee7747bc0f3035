//! The render pipeline of one record: load the documents it names, derive, run the body
//! template, parse its markup, lay out every section and write the .docx bytes. Nothing here
//! touches the disk but reading records; `output` writes what this returns.

use std::path::Path;

use crate::error::{Error, Warning};
use crate::messages::{Check, Run};
use crate::record::Named;
use crate::template::Templates;
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

/// A record taken through derive and its body template: everything a check looks at, and
/// what layout and the .docx are made from.
struct Prepared {
    loaded: record::Loaded,
    view: derive::View,
    body: Vec<crate::model::Block>,
}

fn prepare(
    mut loaded: record::Loaded,
    templates: &Templates,
    options: RenderOptions,
) -> Result<Prepared, Error> {
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
    let plan = match loaded.record.ke_hoach.take() {
        Some(reference) => Some(attach_plan(&mut loaded, &reference)?),
        None => None,
    };
    let attachment = match &loaded.record.kem_theo {
        Some(reference) => Some(derive::plan_reference(&load_named(
            &loaded,
            reference,
            Named::Document,
        )?)),
        None => None,
    };
    let view = derive::derive(
        &loaded,
        &derive::Options {
            as_of: options.as_of,
            plan,
            attachment,
            task_views: templates.read_tasks(),
        },
    );
    let markup = templates.render(loaded.kind, &view, &loaded.path)?;
    let body =
        blocks::parse(&markup).map_err(|e| templates.markup_error(&view, &loaded.path, &e))?;
    Ok(Prepared { loaded, view, body })
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

/// Checks a record as a render would, up to its body markup, without laying out or writing
/// any .docx (`vanban check`): layout and the package cannot fail on a record that got here.
pub(crate) fn check_loaded(
    loaded: record::Loaded,
    templates: &Templates,
    options: RenderOptions,
) -> Result<Checked, Error> {
    let Prepared { loaded, view, .. } = prepare(loaded, templates, options)?;
    let several = view.phu_luc.len() > 1;
    let suffixes = std::iter::once(String::new())
        .chain(
            view.phu_luc
                .iter()
                .enumerate()
                .filter(|(_, appendix)| appendix.tep_rieng)
                .map(|(index, _)| appendix_suffix(index, several)),
        )
        .collect();
    Ok(Checked {
        suffixes,
        warnings: loaded.warnings,
    })
}

/// Renders a record already loaded (from a file, or from text by [`record::parse`]).
pub fn render_loaded(
    loaded: record::Loaded,
    templates: &Templates,
    options: RenderOptions,
) -> Result<Rendered, Error> {
    let Prepared {
        loaded,
        mut view,
        body,
    } = prepare(loaded, templates, options)?;
    let record_path = loaded.path.as_path();
    let sizes = layout::Sizes::for_set(view.size_set);
    let mut main = layout::Document {
        sizes,
        sections: vec![layout::main_section(&view, &body)],
    };
    drop(body);
    let several = view.phu_luc.len() > 1;
    let mut separate = Vec::new();
    for (index, appendix) in view.phu_luc.iter_mut().enumerate() {
        let table = std::mem::take(&mut appendix.bang);
        let section = layout::appendix_section(appendix, table, sizes);
        if appendix.tep_rieng {
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
    let date = loaded.date;
    let properties = |title: &str, subject: &str| docx::Properties {
        title: title.to_string(),
        subject: subject.to_string(),
        creator: view.co_quan.ten.clone(),
        keywords: view.so_ky_hieu.trim().to_string(),
        signed: date,
    };
    let write = |document: &layout::Document, props: &docx::Properties| {
        docx::write(document, props).map_err(|detail| {
            Error::about(record_path, Run::InternalWriteError { detail })
                .help(Run::ReportWithRecord)
        })
    };
    let mut files = vec![OutputFile {
        suffix: String::new(),
        bytes: write(&main, &properties(&view.trich_yeu, view.loai.ten))?,
    }];
    for (suffix, document, title) in &separate {
        files.push(OutputFile {
            suffix: suffix.clone(),
            bytes: write(document, &properties(title, "Phụ lục"))?,
        });
    }
    Ok(Rendered {
        files,
        warnings: loaded.warnings,
    })
}
