//! What the commands that write a file share: the `--date` flag, and the atomic write.

use bascule_briefing::BriefingDate;
use bascule_model::problem::{Problem, ProblemKind};
use bascule_model::{Language, Rejection};
use std::io::Write;
use std::path::Path;

/// Refused because something could not be read or written: one problem at `path` (a flag,
/// a field, or empty for the whole file), with the system's reason.
pub fn unreadable(
    language: Language,
    path: &str,
    value: Option<String>,
    reason: String,
) -> Rejection {
    Rejection {
        language,
        problems: vec![Problem::new(
            path,
            value,
            ProblemKind::Unreadable { reason },
        )],
    }
}

/// `--date YYYY-MM-DD`, refused at the flag when it is not a day that exists.
pub fn date(text: Option<&str>, language: Language) -> Result<Option<BriefingDate>, Rejection> {
    text.map(|text| {
        BriefingDate::parse(text).ok_or_else(|| Rejection {
            language,
            problems: vec![Problem::new(
                "--date",
                Some(text.to_owned()),
                ProblemKind::BadDate,
            )],
        })
    })
    .transpose()
}

/// A temporary file in the same folder, flushed, then renamed over the target: a crash or
/// a full disk never leaves a half-written file, and an older one stays until then.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// [`write_atomically`] for a file written piece by piece (`write` is buffered).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bascule-output".into());
    let temporary = folder.join(format!(".{name}.{}.partial", std::process::id()));
    let result = (|| {
        let mut file = std::io::BufWriter::new(std::fs::File::create(&temporary)?);
        write(&mut file)?;
        let file = file
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
