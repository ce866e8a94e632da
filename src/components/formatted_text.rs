//! Renders a comment's text with its small formatting subset (see
//! [`crate::model::format`]) as DOM nodes. Every piece of reader text becomes
//! a text node or an attribute value set through the DOM; nothing is ever
//! parsed as HTML.

use crate::model::format::{parse, Block, Inline, Line};
use leptos::prelude::*;

/// Tells search engines not to vouch for reader-posted links, and keeps the
/// opened page from reaching back into this one.
const LINK_REL: &str = "nofollow noopener noreferrer ugc";

/// A comment's text: paragraphs, quotes, line breaks, bold, italic, code and
/// links. A `<div>`, so it must not be placed inside a `<p>`.
#[component]
pub fn FormattedText(text: String) -> impl IntoView {
    let blocks = parse(&text).into_iter().map(block_view).collect_view();
    view! { <div class="agora-formatted" dir="auto">{blocks}</div> }
}

/// Each block gets its own `dir="auto"` so that a Hebrew reply quoting an
/// English comment lays out each part in its own direction.
fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph(lines) => view! { <p dir="auto">{lines_view(lines)}</p> }.into_any(),
        Block::Quote(lines) => view! {
            <blockquote dir="auto">
                <p>{lines_view(lines)}</p>
            </blockquote>
        }
        .into_any(),
    }
}

fn lines_view(lines: Vec<Line>) -> Vec<AnyView> {
    let mut views = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        if index > 0 {
            views.push(view! { <br /> }.into_any());
        }
        views.extend(line.into_iter().map(inline_view));
    }
    views
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(children) => {
            view! { <strong>{children.into_iter().map(inline_view).collect_view()}</strong> }
                .into_any()
        }
        Inline::Emphasis(children) => {
            view! { <em>{children.into_iter().map(inline_view).collect_view()}</em> }.into_any()
        }
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Link { href } => {
            let label = href.clone();
            view! {
                <a href=href rel=LINK_REL target="_blank">
                    {label}
                </a>
            }
            .into_any()
        }
    }
}
