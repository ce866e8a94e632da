//! `agora-first-screen <dist>/index.html`: writes the first screen (the
//! built-in article and its comments as HTML, see `agora::prerender::first_screen`)
//! into a built page. Run by Trunk after every build (`Trunk.toml`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: agora-first-screen <dist>/index.html");
        return std::process::ExitCode::FAILURE;
    };
    let written = std::fs::read_to_string(&path)
        .map_err(|error| error.to_string())
        .and_then(|page| agora::prerender::first_screen::write_into(&page))
        .and_then(|page| std::fs::write(&path, page).map_err(|error| error.to_string()));
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("agora-first-screen: {path}: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Nothing to do in WebAssembly: this program runs where the site is built.
#[cfg(target_arch = "wasm32")]
fn main() {}
