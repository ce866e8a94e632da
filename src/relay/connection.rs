//! One relay connection: a WebSocket that reconnects with backoff when it
//! closes, fails or stays silent, remembers which events it sent that the
//! relay has not answered yet, and pages through what the relay holds.

use super::{Hub, wait};
use crate::model::nostr::Event;
use crate::model::nostr::paging::{Pager, backoff_ms};
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, WebSocket};

/// How long a connection may take to open before it counts as failed.
const OPEN_TIMEOUT_MS: i32 = 10_000;
/// The longest message read, in UTF-16 units: an event agora takes, and its frame.
const MAX_MESSAGE: usize = crate::model::nostr::event::MAX_EVENT_JSON + 256;
/// Sent events waiting for an answer, at most (a silent relay is not a leak).
const MAX_IN_FLIGHT: usize = 1_000;

pub struct Connection {
    pub url: String,
    socket: Option<WebSocket>,
    open: bool,
    failures: u32,
    /// Tells this socket's events from those of a socket closed earlier.
    generation: u32,
    in_flight: VecDeque<String>,
    handlers: Vec<Closure<dyn FnMut(JsValue)>>,
    /// The thread's stored events on this relay, page by page.
    pub pager: Pager,
    /// Replies' parents already asked of this relay by id.
    pub asked_parents: HashSet<String>,
    /// The connection failed at least once (it holds up nothing while closed).
    failed_once: bool,
    /// Live subscriptions the relay closed, in a row: each is sent again later.
    pub live_refusals: u32,
    /// A retry of refused pages is scheduled.
    pub retry_pending: bool,
    /// The relay's information document (NIP-11) was asked for.
    pub limits_asked: bool,
}

impl Connection {
    pub fn new(url: &str) -> Connection {
        Connection {
            url: url.into(),
            socket: None,
            open: false,
            failures: 0,
            generation: 0,
            in_flight: VecDeque::new(),
            handlers: Vec::new(),
            pager: Pager::default(),
            asked_parents: HashSet::new(),
            failed_once: false,
            live_refusals: 0,
            retry_pending: false,
            limits_asked: false,
        }
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Tells this socket's timers from those of a socket closed earlier.
    pub fn generation(&self) -> u32 {
        self.generation
    }

    /// Whether the relay no longer holds up the thread's completeness: it has
    /// sent every page, or stopped answering, or cannot be reached.
    pub fn settled(&self) -> bool {
        if self.open { self.pager.settled() } else { self.failed_once }
    }

    fn send(&mut self, text: &str) -> bool {
        self.open && self.socket.as_ref().is_some_and(|socket| socket.send_with_str(text).is_ok())
    }

    pub fn send_event(&mut self, event: &Event) {
        let message = format!("[\"EVENT\",{}]", event.to_json());
        if self.send(&message) {
            if self.in_flight.len() >= MAX_IN_FLIGHT {
                self.in_flight.pop_front();
            }
            self.in_flight.push_back(event.id.clone());
        }
    }

    /// Opens (or replaces) subscription `id`; `filters`: one or more NIP-01
    /// filters, separated by commas.
    pub fn subscribe(&mut self, id: &str, filters: &str) {
        let _ = self.send(&format!("[\"REQ\",\"{id}\",{filters}]"));
    }

    pub fn close_subscription(&mut self, id: &str) {
        let _ = self.send(&format!("[\"CLOSE\",\"{id}\"]"));
    }

    /// The event an `OK` answers: the one it names, or, when a relay leaves
    /// the id out (some do on refusals), the oldest one still unanswered.
    pub fn answered(&mut self, id: &str) -> Option<String> {
        if id.is_empty() {
            return self.in_flight.pop_front();
        }
        let at = self.in_flight.iter().position(|sent| sent == id)?;
        self.in_flight.remove(at)
    }

    pub fn close(&mut self) {
        self.open = false;
        if let Some(socket) = self.socket.take() {
            for clear in
                [WebSocket::set_onopen, WebSocket::set_onmessage, WebSocket::set_onclose, WebSocket::set_onerror]
            {
                clear(&socket, None);
            }
            let _ = socket.close();
        }
        // Dropped later: this may run inside one of these very handlers.
        let handlers = std::mem::take(&mut self.handlers);
        spawn_local(async move { drop(handlers) });
        self.in_flight.clear();
    }
}

/// A message from a relay, as it is queued to be read.
pub enum Received {
    Message(String),
    /// Too long to be an event agora takes, so not copied: only the
    /// subscription it came on (`["EVENT","p12",` …), whose page still
    /// counts it.
    TooLong {
        sub: String,
    },
}

impl Received {
    fn too_long(start: &str) -> Received {
        let sub = start.split(',').nth(1).unwrap_or_default().trim_matches('"');
        Received::TooLong { sub: sub.to_string() }
    }

    /// What it takes in the inbox, in bytes.
    pub fn size(&self) -> usize {
        match self {
            Received::Message(text) => text.len(),
            Received::TooLong { sub } => sub.len(),
        }
    }
}

/// Opens (or opens again) connection `index` of the hub.
pub(super) fn connect(hub: &Rc<RefCell<Hub>>, index: usize) {
    let Ok(mut state) = hub.try_borrow_mut() else { return };
    if state.stopped {
        return;
    }
    let Some(connection) = state.connections.get_mut(index) else { return };
    connection.close();
    connection.generation += 1;
    let generation = connection.generation;
    let Ok(socket) = WebSocket::new(&connection.url) else {
        drop(state);
        failed(hub, index, generation);
        return;
    };
    let weak = Rc::downgrade(hub);
    let on = |weak: std::rc::Weak<RefCell<Hub>>, what: fn(&Rc<RefCell<Hub>>, usize, u32, JsValue)| {
        Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            if let Some(hub) = weak.upgrade() {
                what(&hub, index, generation, event);
            }
        })
    };
    let on_open = on(weak.clone(), |hub, index, generation, _| {
        let Ok(mut state) = hub.try_borrow_mut() else { return };
        let Some(connection) = state.connections.get_mut(index) else { return };
        if connection.generation != generation {
            return;
        }
        // The wait before the next attempt is reset by the relay's first
        // message, not here: a relay that accepts and hangs up at once is
        // not tried again every second.
        connection.open = true;
        connection.live_refusals = 0;
        state.opened(index, hub);
    });
    let on_message = on(weak.clone(), |hub, index, generation, event| {
        // A message too long to be an event agora takes is not even copied.
        let data = event.dyn_into::<MessageEvent>().ok().map(|m| m.data());
        let length = data.as_ref().and_then(|d| d.dyn_ref::<js_sys::JsString>()).map(js_sys::JsString::length);
        let fits = length.is_some_and(|l| l as usize <= MAX_MESSAGE);
        // Of one too long, its start: an event of a page still counts there.
        let received = match data {
            Some(data) if fits => data.as_string().map(Received::Message),
            Some(data) => data
                .dyn_ref::<js_sys::JsString>()
                .and_then(|d| d.slice(0, 80).as_string())
                .map(|start| Received::too_long(&start)),
            None => None,
        };
        let Ok(mut state) = hub.try_borrow_mut() else { return };
        let Some(connection) = state.connections.get_mut(index) else { return };
        if connection.generation == generation {
            connection.failures = 0;
            if let Some(received) = received {
                super::reading::receive(&mut state, hub, index, generation, received);
            }
        }
    });
    let on_close = on(weak, |hub, index, generation, _| failed(hub, index, generation));
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    socket.set_onerror(Some(on_close.as_ref().unchecked_ref()));
    connection.socket = Some(socket);
    connection.handlers = vec![on_open, on_message, on_close];
    drop(state);
    // A relay that never answers the handshake counts as failed.
    let weak = Rc::downgrade(hub);
    spawn_local(async move {
        wait::sleep(OPEN_TIMEOUT_MS).await;
        if let Some(hub) = weak.upgrade() {
            let silent = hub.try_borrow().ok().is_some_and(|state| {
                state.connections.get(index).is_some_and(|c| c.generation == generation && !c.open)
            });
            if silent {
                failed(&hub, index, generation);
            }
        }
    });
}

/// The connection closed or failed: try again later, waiting longer after
/// each failure in a row (1, 2, 4 … 30 s, with jitter so that many readers
/// do not return at once).
fn failed(hub: &Rc<RefCell<Hub>>, index: usize, generation: u32) {
    let delay = {
        let Ok(mut state) = hub.try_borrow_mut() else { return };
        let stopped = state.stopped;
        let Some(connection) = state.connections.get_mut(index) else { return };
        if connection.generation != generation || stopped {
            return;
        }
        connection.close();
        connection.generation += 1;
        connection.failed_once = true;
        connection.failures = connection.failures.saturating_add(1);
        let delay = backoff_ms(connection.failures) * (0.75 + 0.5 * js_sys::Math::random());
        state.update_loading(hub);
        delay
    };
    let weak = Rc::downgrade(hub);
    spawn_local(async move {
        wait::sleep(delay as i32).await;
        if let Some(hub) = weak.upgrade() {
            connect(&hub, index);
        }
    });
}
