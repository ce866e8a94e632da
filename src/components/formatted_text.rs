//! Renders a comment's text with its small formatting subset (see
//! [`crate::model::writing::format`]) as DOM nodes. Every piece of reader text becomes
//! a text node or an attribute value set through the DOM; nothing is ever
//! parsed as HTML.
//!
//! The text never changes once shown (an edit renders a new one), so it needs
//! none of Leptos's reactivity: the nodes are made directly with web-sys, as
//! soon as Leptos creates the element. A view per kind of block and inline
//! piece cost about 11 KB of WebAssembly.
//!
//! Natively (the first screen written at build time, `crate::prerender::first_screen`)
//! the same blocks are written as HTML source by [`crate::model::writing::markup`].

use crate::model::writing::format::parse;
use leptos::prelude::*;

/// A comment's text: paragraphs, quotes, line breaks, bold, italic, code and
/// links. A `<div>`, so it must not be placed inside a `<p>`.
#[component]
pub fn FormattedText(text: String) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    return view! { <div class="agora-formatted" dir="auto" node_ref=dom::Blocks(parse(&text))></div> };
    #[cfg(not(target_arch = "wasm32"))]
    view! { <div class="agora-formatted" dir="auto" inner_html=crate::model::writing::markup::html(&parse(&text))></div> }
}

/// Building the DOM nodes (in the browser).
#[cfg(target_arch = "wasm32")]
mod dom {
    use crate::model::writing::format::{Block, Inline, Line};
    use crate::model::writing::markup::LINK_REL;
    use leptos::html::Div;
    use leptos::tachys::html::node_ref::NodeRefContainer;
    use web_sys::{Document, Element};

    /// The parsed text, handed to Leptos as the `<div>`'s node reference: Leptos
    /// gives it the element when it creates it, and again when it reuses the
    /// element for other text (the preview as the reader types).
    #[derive(Clone)]
    pub struct Blocks(pub Vec<Block>);

    impl NodeRefContainer<Div> for Blocks {
        fn load(self, div: &Element) {
            div.set_text_content(None);
            let Some(document) = div.owner_document() else { return };
            for block in &self.0 {
                append_block(&document, div, block);
            }
        }
    }

    /// Each block gets its own `dir="auto"` so that a Hebrew reply quoting an
    /// English comment lays out each part in its own direction.
    fn append_block(document: &Document, parent: &Element, block: &Block) {
        match block {
            Block::Paragraph(lines) => {
                if let Some(paragraph) = append_element(document, parent, "p") {
                    let _ = paragraph.set_attribute("dir", "auto");
                    append_lines(document, &paragraph, lines);
                }
            }
            Block::Quote(lines) => {
                if let Some(quote) = append_element(document, parent, "blockquote")
                    && let Some(paragraph) = append_element(document, &quote, "p")
                {
                    let _ = quote.set_attribute("dir", "auto");
                    append_lines(document, &paragraph, lines);
                }
            }
        }
    }

    fn append_lines(document: &Document, parent: &Element, lines: &[Line]) {
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                append_element(document, parent, "br");
            }
            for inline in line {
                append_inline(document, parent, inline);
            }
        }
    }

    fn append_inline(document: &Document, parent: &Element, inline: &Inline) {
        match inline {
            Inline::Text(text) => append_text(parent, text),
            Inline::Strong(children) => append_wrapped(document, parent, "strong", children),
            Inline::Emphasis(children) => append_wrapped(document, parent, "em", children),
            Inline::Code(code) => {
                if let Some(element) = append_element(document, parent, "code") {
                    append_text(&element, code);
                }
            }
            Inline::Link { href } => {
                if let Some(link) = append_element(document, parent, "a") {
                    let _ = link.set_attribute("href", href);
                    let _ = link.set_attribute("rel", LINK_REL);
                    let _ = link.set_attribute("target", "_blank");
                    append_text(&link, href);
                }
            }
        }
    }

    /// `<strong>` or `<em>` around formatted pieces.
    fn append_wrapped(document: &Document, parent: &Element, tag: &str, children: &[Inline]) {
        if let Some(element) = append_element(document, parent, tag) {
            children.iter().for_each(|child| append_inline(document, &element, child));
        }
    }

    /// Only a fixed tag name from this file is ever created, so creating it
    /// cannot fail; if a browser still refused, the piece is left out rather
    /// than the page stopped.
    fn append_element(document: &Document, parent: &Element, tag: &str) -> Option<Element> {
        let element = document.create_element(tag).ok()?;
        parent.append_with_node_1(&element).ok()?;
        Some(element)
    }

    /// A text node: the browser never reads it as markup.
    fn append_text(parent: &Element, text: &str) {
        let _ = parent.append_with_str_1(text);
    }
}
