//! The export read as a stream of XML events (quick-xml), never as a tree:
//! the readers keep only the element names open above them and the text of
//! the element just closed. Errors carry the byte offset where they are;
//! `mod.rs` turns it into a line and column.

use super::ImportError;
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::BufRead;

/// One step through the export.
pub enum Step {
    /// An element begins (also an empty element, followed by its `Close`).
    Open(Tag),
    /// The element opened last ends; `text` is the text inside it since the
    /// last element opened in it: for an element without children, all of it.
    Close {
        name: String,
        text: String,
    },
    End,
}

/// An element's start tag: its name as written (`wp:comment`), its
/// attributes and where it starts in the file.
pub struct Tag {
    pub name: String,
    pub offset: u64,
    attributes: Vec<(String, String)>,
}

impl Tag {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    /// The name without its namespace prefix (`thread` for `dsq:thread`).
    pub fn local_name(&self) -> &str {
        local(&self.name)
    }
}

pub fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

pub struct Xml<R: BufRead> {
    reader: Reader<R>,
    buffer: Vec<u8>,
    text: String,
    open: Vec<String>,
    /// An empty element (`<parent dsq:id="1"/>`) is reported as an open and a close.
    empty_pending: Option<String>,
}

impl<R: BufRead> Xml<R> {
    pub fn new(source: R) -> Xml<R> {
        let mut reader = Reader::from_reader(source);
        reader.config_mut().check_end_names = true;
        Xml { reader, buffer: Vec::new(), text: String::new(), open: Vec::new(), empty_pending: None }
    }

    /// How many elements are open (1 inside the root element).
    pub fn depth(&self) -> usize {
        self.open.len()
    }

    pub fn next(&mut self) -> Result<Step, ImportError> {
        if let Some(name) = self.empty_pending.take() {
            self.open.pop();
            return Ok(Step::Close { name, text: std::mem::take(&mut self.text) });
        }
        loop {
            let before = self.reader.buffer_position();
            self.buffer.clear();
            let event = match self.reader.read_event_into(&mut self.buffer) {
                Ok(event) => event,
                Err(error) => {
                    return Err(ImportError::At { offset: self.reader.error_position(), message: error.to_string() });
                }
            };
            match event {
                Event::Start(ref start) | Event::Empty(ref start) => {
                    let empty = matches!(event, Event::Empty(_));
                    let name = start.name().into_inner().to_string();
                    let mut attributes = Vec::new();
                    for attribute in start.attributes() {
                        let attribute = attribute
                            .map_err(|error| ImportError::At { offset: before, message: error.to_string() })?;
                        let value = attribute
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map_err(|error| ImportError::At { offset: before, message: error.to_string() })?;
                        attributes.push((attribute.key.into_inner().to_string(), value.into_owned()));
                    }
                    self.text.clear();
                    self.open.push(name.clone());
                    if empty {
                        self.empty_pending = Some(name.clone());
                    }
                    return Ok(Step::Open(Tag { name, offset: before, attributes }));
                }
                Event::End(_) => {
                    let name = self.open.pop().unwrap_or_default();
                    return Ok(Step::Close { name, text: std::mem::take(&mut self.text) });
                }
                Event::Text(text) => self.text.push_str(&text.xml10_content()),
                Event::CData(data) => self.text.push_str(&data.xml10_content()),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        Ok(None) => match reference.xml10_content().as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                        Err(_) => None,
                    };
                    let Some(c) = resolved else {
                        let message = format!("unknown entity &{};", reference.xml10_content());
                        return Err(ImportError::At { offset: before, message });
                    };
                    self.text.push(c);
                }
                Event::Eof if self.open.is_empty() => return Ok(Step::End),
                Event::Eof => {
                    let name = self.open.last().cloned().unwrap_or_default();
                    let message = format!("the file ends inside <{name}>");
                    return Err(ImportError::At { offset: self.reader.buffer_position(), message });
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    /// Reads up to the root element and returns it.
    pub fn root(&mut self) -> Result<Tag, ImportError> {
        loop {
            match self.next()? {
                Step::Open(tag) => return Ok(tag),
                Step::Close { .. } => {}
                Step::End => return Err(ImportError::At { offset: 0, message: "the file has no XML element".into() }),
            }
        }
    }
}

/// The line and column (both from 1, the column in characters) of byte
/// `offset` in `source`. Read again only when there is an error to report.
pub fn line_and_column(source: impl BufRead, offset: u64) -> std::io::Result<(u64, u64)> {
    let (mut line, mut line_start) = (1, Vec::new());
    let mut bytes = source.take(offset);
    let mut chunk = Vec::new();
    loop {
        chunk.clear();
        let read = bytes.read_until(b'\n', &mut chunk)?;
        if read == 0 {
            break;
        }
        if chunk.last() == Some(&b'\n') {
            line += 1;
            line_start.clear();
        } else {
            line_start.extend_from_slice(&chunk);
        }
    }
    let column = String::from_utf8_lossy(&line_start).chars().count() as u64 + 1;
    Ok((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(xml: &str) -> Vec<String> {
        let mut reader = Xml::new(xml.as_bytes());
        let mut seen = Vec::new();
        loop {
            match reader.next() {
                Ok(Step::Open(tag)) => seen.push(format!("<{}@{}", tag.name, tag.offset)),
                Ok(Step::Close { name, text }) => seen.push(format!("{name}>{text}")),
                Ok(Step::End) => return seen,
                Err(ImportError::At { offset, message }) => {
                    seen.push(format!("error@{offset}: {message}"));
                    return seen;
                }
                Err(other) => panic!("{other}"),
            }
        }
    }

    #[test]
    fn elements_text_and_positions() {
        assert_eq!(
            steps("<a>\n <b x='1'>t &amp; <![CDATA[<p>]]>&#233;</b><c/></a>"),
            vec!["<a@0", "<b@5", "b>t & <p>é", "<c@47", "c>", "a>"]
        );
    }

    #[test]
    fn malformed_input_is_an_error_with_a_position() {
        let seen = steps("<a>\n<b></c></a>");
        assert!(seen.last().is_some_and(|s| s.starts_with("error@")), "{seen:?}");
        let seen = steps("<a><b>");
        assert!(seen.last().is_some_and(|s| s.contains("error")), "{seen:?}");
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "ab\ncdé\nfg";
        assert_eq!(line_and_column(text.as_bytes(), 0).unwrap(), (1, 1));
        assert_eq!(line_and_column(text.as_bytes(), 3).unwrap(), (2, 1));
        assert_eq!(line_and_column(text.as_bytes(), 7).unwrap(), (2, 4));
        assert_eq!(line_and_column(text.as_bytes(), 9).unwrap(), (3, 2));
    }
}
