//! A shared thread as its relays hold it now, read natively for
//! `agora-render`: the same requests as the widget's relay layer makes
//! (`crate::relay::subscriptions`), paged by the same
//! [`Pager`](crate::model::nostr::paging::Pager), every event's id and
//! signature checked, and kept by the same [`Shared`] rules (scope,
//! deletions, moderators' mute lists, approval first). One relay after
//! another, over blocking WebSockets, in rounds: the thread's comments and
//! the moderators' lists, then the likes, deletions and names of what came,
//! and the parents of replies that came without them, until a round brings
//! nothing new.

use crate::model::nostr::message::{self, RelayMessage};
use crate::model::nostr::paging::{PageEnd, Pager};
use crate::model::nostr::requests::{self, BATCH};
use crate::model::nostr::shared::{Own, Shared, View};
use serde_json::Value;
use std::collections::HashSet;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tungstenite::protocol::WebSocketConfig;
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// How long a page may bring nothing before it is given up, as the widget does.
const PAGE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long connecting to a relay may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest one relay is read for in all: a relay that trickles events
/// forever does not hold up a site's build.
const RELAY_DEADLINE: Duration = Duration::from_secs(60);
/// Rounds of follow-up requests (likes and names of what came, parents of
/// what came, their likes …): each reaches one step further.
const MAX_ROUNDS: usize = 6;
/// The largest message read from a relay, as the widget's limit for one event.
const MAX_MESSAGE: usize = 1024 * 1024;

/// What the relays held, and what became of each relay.
pub struct Snapshot {
    /// The thread as a reader with nothing stored sees it once every relay
    /// has answered.
    pub view: View,
    /// Relays that could not be read to the end, with why.
    pub failed: Vec<(String, String)>,
}

/// Reads the thread `shared` describes from `relays`. `Err` when no relay
/// could be read at all (with each one's reason).
pub fn read(relays: &[String], mut shared: Shared) -> Result<Snapshot, Vec<(String, String)>> {
    // rustls takes its cryptography from the process: ring, built without
    // CMake or system libraries (deprecated for lacking post-quantum key
    // exchange, which reading public events does not need).
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut connections: Vec<Relay> = Vec::new();
    let mut failed = Vec::new();
    for url in relays {
        match Relay::open(url) {
            Ok(relay) => connections.push(relay),
            Err(why) => failed.push((url.clone(), why)),
        }
    }
    let thread = requests::thread(&shared);
    for relay in &mut connections {
        thread.iter().for_each(|filter| relay.pager.add(filter.clone()));
    }
    let own = Own::default();
    let (mut asked_ids, mut asked_authors) = (HashSet::new(), HashSet::new());
    for _ in 0..MAX_ROUNDS {
        for relay in connections.iter_mut().filter(|relay| relay.failure.is_none()) {
            relay.read_all(&mut shared);
        }
        // What came asks for more: likes and deletions of every comment
        // (by the events they name), its author's name, missing parents.
        let (ids, authors) = shared.known();
        let ids: Vec<String> = ids.into_iter().filter(|id| asked_ids.insert(id.clone())).collect();
        let authors: Vec<String> = authors.into_iter().filter(|a| asked_authors.insert(a.clone())).collect();
        let parents: Vec<String> =
            shared.missing_parents(&own).into_iter().filter(|id| asked_ids.insert(id.clone())).collect();
        if ids.is_empty() && authors.is_empty() && parents.is_empty() {
            break;
        }
        let next: Vec<Value> = (ids.chunks(BATCH).map(requests::likes_and_deletions))
            .chain(authors.chunks(BATCH).map(requests::names))
            .chain(parents.chunks(BATCH).map(requests::events))
            .collect();
        for relay in &mut connections {
            next.iter().for_each(|filter| relay.pager.add(filter.clone()));
        }
    }
    let mut answered = false;
    for relay in connections {
        match relay.failure {
            Some(why) => failed.push((relay.url, why)),
            None => answered = true,
        }
    }
    if !answered {
        return Err(failed);
    }
    Ok(Snapshot { view: shared.view(&own, true), failed })
}

/// One relay's connection and pages.
struct Relay {
    url: String,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    pager: Pager,
    started: Instant,
    /// Why it stopped being read, if it did.
    failure: Option<String>,
}

impl Relay {
    fn open(url: &str) -> Result<Relay, String> {
        let uri: tungstenite::http::Uri = url.parse().map_err(|error| format!("its address: {error}"))?;
        let host = uri.host().ok_or("its address names no host")?;
        let port = uri.port_u16().unwrap_or(if uri.scheme_str() == Some("wss") { 443 } else { 80 });
        let address = (host.trim_start_matches('[').trim_end_matches(']'), port)
            .to_socket_addrs()
            .map_err(|error| format!("its address: {error}"))?
            .next()
            .ok_or("its address resolves to nothing")?;
        let stream =
            TcpStream::connect_timeout(&address, CONNECT_TIMEOUT).map_err(|error| format!("connecting: {error}"))?;
        stream.set_read_timeout(Some(Duration::from_secs(1))).map_err(|error| error.to_string())?;
        stream.set_write_timeout(Some(PAGE_TIMEOUT)).map_err(|error| error.to_string())?;
        let config = WebSocketConfig::default().max_message_size(Some(MAX_MESSAGE)).max_frame_size(Some(MAX_MESSAGE));
        let (socket, _) = tungstenite::client_tls_with_config(url, stream, Some(config), None)
            .map_err(|error| format!("opening the WebSocket: {error}"))?;
        Ok(Relay { url: url.to_string(), socket, pager: Pager::default(), started: Instant::now(), failure: None })
    }

    /// Asks for every page the pager has, reading answers until each job
    /// has come to its end (or is given up, as the widget gives up).
    fn read_all(&mut self, shared: &mut Shared) {
        let mut quiet_since: Vec<(String, Instant)> = Vec::new();
        loop {
            for (sub, filter) in self.pager.next_pages(now_ms()) {
                if let Err(error) = self.socket.send(Message::text(format!(r#"["REQ","{sub}",{filter}]"#))) {
                    self.failure = Some(format!("sending a request: {error}"));
                    return;
                }
                quiet_since.push((sub, Instant::now()));
            }
            if self.pager.settled() {
                return;
            }
            if self.started.elapsed() > RELAY_DEADLINE {
                self.failure = Some(format!("not done after {} s", RELAY_DEADLINE.as_secs()));
                return;
            }
            if quiet_since.is_empty() {
                // Only refused pages are left, to be asked again after a wait.
                match self.pager.next_retry_ms() {
                    Some(at) => std::thread::sleep(Duration::from_millis((at - now_ms()).clamp(0.0, 30_000.0) as u64)),
                    None => return,
                }
                continue;
            }
            let text = match self.socket.read() {
                Ok(Message::Text(text)) => text,
                Ok(Message::Close(_)) => {
                    self.failure = Some("it closed the connection".into());
                    return;
                }
                Ok(_) => continue,
                Err(tungstenite::Error::Io(error))
                    if matches!(error.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) =>
                {
                    // Pages that brought nothing for long are given up.
                    for (sub, since) in &quiet_since {
                        if since.elapsed() > PAGE_TIMEOUT {
                            self.pager.timed_out(sub, now_ms());
                        }
                    }
                    quiet_since.retain(|(_, since)| since.elapsed() <= PAGE_TIMEOUT);
                    continue;
                }
                Err(error) => {
                    self.failure = Some(format!("reading: {error}"));
                    return;
                }
            };
            match message::parse(&text) {
                Some(RelayMessage::Event { sub, event }) => {
                    let Some(event) = event else {
                        self.pager.unreadable(&sub);
                        continue;
                    };
                    if self.pager.event(&sub, &event.id, event.created_at) {
                        quiet_since
                            .iter_mut()
                            .filter(|(s, _)| *s == sub)
                            .for_each(|(_, since)| *since = Instant::now());
                    }
                    if shared.wants(&event.id) && event.verify().is_ok() {
                        shared.insert(event, now_s());
                    }
                }
                Some(RelayMessage::EndOfStored { sub, finish })
                    if self.pager.end_of_page(&sub, finish) != PageEnd::Unknown =>
                {
                    let _ = self.socket.send(Message::text(format!(r#"["CLOSE","{sub}"]"#)));
                    quiet_since.retain(|(s, _)| *s != sub);
                }
                Some(RelayMessage::Closed { sub, .. }) if self.pager.closed(&sub, now_ms()) => {
                    quiet_since.retain(|(s, _)| *s != sub);
                }
                _ => {}
            }
        }
    }
}

fn now_ms() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|since| since.as_millis() as f64).unwrap_or_default()
}

fn now_s() -> u64 {
    (now_ms() / 1000.0) as u64
}
