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
    let Some(english) = Lang::En.built_in() else { return std::process::ExitCode::FAILURE };
    let mut failed = std::fs::create_dir_all(dir).map_err(|error| eprintln!("{}: {error}", dir.display())).is_err();
    let mut files = vec![("keys.json".to_string(), language_file::keys_file())];
    for lang in Lang::ALL.into_iter().filter(|lang| lang.built_in().is_none()) {
        match language_file::read_keyed(english, english, lang.file()) {
            Ok((strings, problems)) if problems.is_empty() => {
                files.push((format!("{}.json", lang.code()), language_file::positional_file(&strings)));
            }
            Ok((_, problems)) => {
                for problem in problems {
                    eprintln!("agora-language-files: lang/{}.json: {problem}", lang.code());
                }
                failed = true;
            }
            Err(why) => {
                eprintln!("agora-language-files: lang/{}.json: {why}", lang.code());
                failed = true;
            }
        }
    }
    for (name, text) in files {
        if let Err(error) = std::fs::write(dir.join(&name), text) {
            eprintln!("agora-language-files: {}: {error}", dir.join(name).display());
            failed = true;
        }
    }
    if failed { std::process::ExitCode::FAILURE } else { std::process::ExitCode::SUCCESS }
}

/// Nothing to do in WebAssembly: this program runs where the site is built.
#[cfg(target_arch = "wasm32")]
fn main() {}
