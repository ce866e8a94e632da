//! `agora-language-files <dist>/lang`: writes the languages agora ships as
//! the browser reads them, one JSON array of messages per language in the
//! order of `model::i18n::slots` (`<tag>.json`), and the keys of those
//! positions for site owners' own files (`keys.json`). Translators edit the
//! keyed files in `lang/`; a file with any problem stops the build. Run by
//! Trunk after every build (`scripts/post-build.sh`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use agora::model::{Lang, language_file};
    use std::path::Path;

    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: agora-language-files <dist>/lang");
        return std::process::ExitCode::FAILURE;
    };
    let dir = Path::new(&dir);
    let mut problems: Vec<String> = Vec::new();
    let mut files = Vec::new();
    match language_file::keys_file() {
        Ok(keys) => files.push(("keys.json".to_string(), keys)),
        Err(why) => problems.push(format!("keys.json: {why}")),
    }
    let Some(english) = Lang::En.built_in() else {
        eprintln!("agora-language-files: English is not built in; nothing to read the files over");
        return std::process::ExitCode::FAILURE;
    };
    for lang in Lang::ALL.into_iter().filter(|lang| lang.built_in().is_none()) {
        let source = format!("lang/{}.json", lang.code());
        match language_file::read_keyed(english, english, lang.file()) {
            Ok((strings, found)) if found.is_empty() => match language_file::positional_file(&strings) {
                Ok(file) => files.push((format!("{}.json", lang.code()), file)),
                Err(why) => problems.push(format!("{source}: {why}")),
            },
            Ok((_, found)) => problems.extend(found.into_iter().map(|problem| format!("{source}: {problem}"))),
            Err(why) => problems.push(format!("{source}: {why}")),
        }
    }
    if problems.is_empty() {
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| files.iter().try_for_each(|(name, text)| std::fs::write(dir.join(name), text)));
        if let Err(error) = written {
            problems.push(format!("{}: {error}", dir.display()));
        }
    }
    if problems.is_empty() {
        return std::process::ExitCode::SUCCESS;
    }
    for problem in &problems {
        eprintln!("agora-language-files: {problem}");
    }
    // The lines above say what a browser would do with such a file; a build
    // ships only files without a problem.
    eprintln!("agora-language-files: {} problem(s): nothing was written, the build stops", problems.len());
    std::process::ExitCode::FAILURE
}

/// Nothing to do in WebAssembly: this program runs where the site is built.
#[cfg(target_arch = "wasm32")]
fn main() {}
