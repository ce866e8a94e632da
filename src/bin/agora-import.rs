//! `agora-import <export.xml> <out-folder>`: imports a site's comments from
//! a Disqus export or a WordPress export (WXR) into agora article files, one
//! per thread (`src/import/`). Prints what it wrote and what it left out;
//! on any problem it says where, writes nothing and exits non-zero.

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
usage: agora-import <export.xml> <out-folder>

Imports a site's comments from a Disqus export (<disqus>) or a WordPress
export (WXR: <rss> with the wp: namespace) into agora article files, one
<id>.json per thread with at least one comment to keep, for
<agora-thread src=\"/comments/<id>.json\">.

Left out, and counted: deleted, spam and unapproved comments, pingbacks and
trackbacks, comments that are empty once their HTML is read. Emails and IP
addresses are never written. <out-folder> must not exist yet or be empty;
it appears whole or not at all.

See docs/src/site-owners/import.md in agora's book.";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;

    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        println!("{USAGE}");
        return std::process::ExitCode::SUCCESS;
    }
    let [export, output] = args.as_slice() else {
        eprintln!("{USAGE}");
        return std::process::ExitCode::from(2);
    };
    match agora::import::import(Path::new(export), Path::new(output)) {
        Ok(summary) => {
            print!("{summary}");
            println!("Written to {output}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("agora-import: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Nothing to do in WebAssembly: this program runs where the site's files are made.
#[cfg(target_arch = "wasm32")]
fn main() {}
