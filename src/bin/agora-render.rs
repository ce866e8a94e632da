//! `agora-render`: writes an `<agora-thread>` element with its article and
//! comments already in it (a declarative shadow root, see
//! `agora::prerender::element`), for a site's static build or templates.

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
usage: agora-render --assets <url> [--out <file>] [--now <date>] <article.json> src=<url> [name=value ...]

Writes the HTML of <agora-thread> with the article and its comments in it,
which browsers paint before any script and search engines read. Put it in
the page where the element would go, with embed.js loaded as usual; the
widget takes over from it when it has started.

  --assets <url>   where agora's files are (embed.js, agora.css)
  --out <file>     write there (whole or not at all) instead of to stdout
  --now <date>     comments' ages as of this RFC 3339 time (default: now)
  name=value       the element's attributes: src (required: where the page
                   serves this article file), thread, theme, lang, loading,
                   and for a thread shared on Nostr relays relays, url
                   (required with relays: the page's canonical address),
                   moderators, pow, moderation

A shared thread is written as its relays hold it when this runs (every
event's signature checked, deletions and moderators' lists applied); a
relay that cannot be read is named in a warning, and if none can, nothing
is written.

The text is written in `lang` (else English). On any problem it says what,
writes nothing and exits non-zero.

See docs/src/site-owners/prerendering.md in agora's book.";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(Failure::Usage(why)) => {
            eprintln!("agora-render: {why}\n\n{USAGE}");
            std::process::ExitCode::from(2)
        }
        Err(Failure::Refused(why)) => {
            eprintln!("agora-render: {}; nothing was written", why.trim_end_matches('.'));
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
enum Failure {
    Usage(String),
    Refused(String),
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> Result<(), Failure> {
    use std::io::Write;

    if args.iter().any(|arg| arg == "--help" || arg == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let (mut assets, mut out, mut now, mut article, mut attributes) = (None, None, None, None, Vec::new());
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| Failure::Usage(format!("{flag} needs a value")));
        match arg.as_str() {
            "--assets" => assets = Some(value("--assets")?),
            "--out" => out = Some(value("--out")?),
            "--now" => now = Some(value("--now")?),
            flag if flag.starts_with("--") => return Err(Failure::Usage(format!("unknown option {flag}"))),
            _ => match arg.split_once('=') {
                Some((name, value)) => attributes.push((name.to_string(), value.to_string())),
                None if article.is_none() => article = Some(arg),
                None => return Err(Failure::Usage(format!("one article file only ({arg}?)"))),
            },
        }
    }
    let article = article.ok_or_else(|| Failure::Usage("which article file?".into()))?;
    let assets = assets.ok_or_else(|| Failure::Usage("--assets: where are agora's files?".into()))?;
    let now_ms = match now {
        Some(date) => agora::model::date::parse_rfc3339(&date)
            .ok_or_else(|| Failure::Usage(format!("--now {date}: not an RFC 3339 date (2026-12-07T10:00:00Z)")))?,
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|since| since.as_millis() as f64)
            .unwrap_or_default(),
    };
    let json = std::fs::read_to_string(&article).map_err(|error| Failure::Refused(format!("{article}: {error}")))?;
    let rendered = agora::prerender::element::render(&json, &attributes, &assets, now_ms)
        .map_err(|error| Failure::Refused(format!("{article}: {error}")))?;
    for (relay, why) in &rendered.unread_relays {
        eprintln!("agora-render: warning: {relay} could not be read ({why}); written with what the other relays hold");
    }
    let html = rendered.html;
    match out {
        None => std::io::stdout().write_all(html.as_bytes()).map_err(|error| Failure::Refused(error.to_string())),
        Some(path) => {
            // Beside the file and renamed into place: a page never includes half an element.
            let partial = format!("{path}.agora-render-{}", std::process::id());
            std::fs::write(&partial, html).and_then(|()| std::fs::rename(&partial, &path)).map_err(|error| {
                let _ = std::fs::remove_file(&partial);
                Failure::Refused(format!("{path}: {error}"))
            })
        }
    }
}

/// Nothing to do in WebAssembly: this program runs where the site is built.
#[cfg(target_arch = "wasm32")]
fn main() {}
