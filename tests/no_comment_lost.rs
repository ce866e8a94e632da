//! Property tests of the promise that no comment is ever lost.
//!
//! Several tabs share one storage. Each acts as the app does: it writes one
//! entry per action (through the model's keys and records), changes its own
//! thread, and hears of other tabs' writes later, in any interleaving, by
//! reading the key's current value (as `Store::watch` does). A ledger records
//! what the readers did, in write order. After any sequence, once every tab
//! has heard everything:
//! - every tab shows what storage holds (the tabs converge);
//! - every comment the ledger says exists is shown exactly once, in every
//!   sort order, and nothing else is;
//! - every reply is shown under its parent (or, deeper than three levels,
//!   under its parent's ancestor), and a reply whose parent is gone is still
//!   shown;
//! - the count in the heading equals the comments shown;
//! - a value that another program wrote over a comment's key (garbage) is
//!   kept aside when a page loads or writes there, never overwritten and
//!   never shown.
//!
//! Loading is the model's own `load`, as `Store::load` uses it; writes are
//! the model's write plans (`model::write_plan`), the steps `Store` carries
//! out.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use agora::model::storage::export::{export, read_import};
use agora::model::storage::write_plan::{self, Step, Value};
use agora::model::{
    Body, Comment, CommentId, Deletion, Draft, Heard, Keys, Kind, Sort, Thread, ThreadId, Tree, heard_from_event, load,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};

const TABS: usize = 3;

#[derive(Clone, Debug)]
enum Op {
    Post {
        tab: usize,
        reply_to: Option<usize>,
    },
    Edit {
        tab: usize,
        target: usize,
    },
    Delete {
        tab: usize,
        target: usize,
    },
    Undo {
        tab: usize,
    },
    Like {
        tab: usize,
        target: usize,
    },
    Import {
        from: usize,
        to: usize,
    },
    /// Another program writes garbage over a comment's key (or a new one).
    Garble {
        target: usize,
    },
    Hear {
        tab: usize,
        events: usize,
    },
    Reload {
        tab: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0..TABS;
    prop_oneof![
        4 => (tab.clone(), proptest::option::of(0..64usize)).prop_map(|(tab, reply_to)| Op::Post { tab, reply_to }),
        2 => (tab.clone(), 0..64usize).prop_map(|(tab, target)| Op::Edit { tab, target }),
        2 => (tab.clone(), 0..64usize).prop_map(|(tab, target)| Op::Delete { tab, target }),
        1 => tab.clone().prop_map(|tab| Op::Undo { tab }),
        2 => (tab.clone(), 0..64usize).prop_map(|(tab, target)| Op::Like { tab, target }),
        1 => (tab.clone(), 0..TABS).prop_map(|(from, to)| Op::Import { from, to }),
        4 => (tab.clone(), 1..6usize).prop_map(|(tab, events)| Op::Hear { tab, events }),
        1 => (0..64usize).prop_map(|target| Op::Garble { target }),
        1 => tab.prop_map(|tab| Op::Reload { tab }),
    ]
}

#[derive(Default)]
struct Tab {
    thread: Thread,
    /// Keys other tabs wrote that this tab has not heard of yet.
    inbox: VecDeque<String>,
    deleted: Option<Comment>,
}

struct World {
    keys: Keys,
    thread_id: ThreadId,
    storage: BTreeMap<String, String>,
    tabs: Vec<Tab>,
    /// Whether each comment should exist, by the last write about it.
    ledger: HashMap<CommentId, bool>,
    clock: f64,
    serial: u64,
    /// Every garbage value written, with the key it was written under.
    garbage: Vec<(String, String)>,
}

impl World {
    fn new() -> World {
        let thread_id = ThreadId::parse("proptest").unwrap();
        World {
            keys: Keys::new(&thread_id),
            thread_id,
            storage: BTreeMap::new(),
            tabs: (0..TABS).map(|_| Tab::default()).collect(),
            ledger: HashMap::new(),
            clock: 1_700_000_000_000.0,
            serial: 0,
            garbage: Vec::new(),
        }
    }

    fn write(&mut self, tab: usize, key: String, value: Option<String>) {
        match value {
            Some(value) => self.storage.insert(key.clone(), value),
            None => self.storage.remove(&key),
        };
        for (other, t) in self.tabs.iter_mut().enumerate() {
            if other != tab {
                t.inbox.push_back(key.clone());
            }
        }
    }

    /// Carries out one of the model's write plans, step by step, as `Store`
    /// does (records as JSON, as gloo-storage writes them).
    fn carry_out(&mut self, tab: usize, plan: Vec<Step>) {
        for step in plan {
            match step {
                Step::Write(key, Value::Record(record)) => {
                    self.write(tab, key, Some(serde_json::to_string(&record).unwrap()))
                }
                Step::Write(key, Value::Verbatim(text)) => self.write(tab, key, Some(text)),
                Step::Remove(key) => self.write(tab, key, None),
            }
        }
    }

    fn put(&mut self, tab: usize, comment: Comment) {
        let plan = write_plan::put(&self.keys, &comment, |k| self.storage.get(k).cloned()).unwrap();
        self.carry_out(tab, plan);
        self.ledger.insert(comment.id.clone(), !comment.deleted);
        self.tabs[tab].thread.upsert(comment);
    }

    /// The tab's own posted comments that are not placeholders, by index.
    fn own(&self, tab: usize, target: usize) -> Option<Comment> {
        let own: Vec<_> = self.tabs[tab].thread.posted().iter().filter(|c| c.is_own()).collect();
        (!own.is_empty()).then(|| Comment::clone(own[target % own.len()]))
    }

    fn apply(&mut self, op: Op) {
        self.clock += 1.0;
        match op {
            Op::Post { tab, reply_to } => {
                let parent = reply_to.and_then(|i| {
                    let all: Vec<_> = self.tabs[tab].thread.comments().filter(|c| !c.deleted).collect();
                    (!all.is_empty()).then(|| all[i % all.len()].id.clone())
                });
                self.serial += 1;
                let id = CommentId::generate(self.clock, self.serial);
                let draft =
                    Draft { name: format!("Tab {tab}"), text: format!("comment {} from tab {tab}", self.serial) };
                self.put(tab, Comment::posted(id, draft.check().unwrap(), self.clock, parent));
            }
            Op::Edit { tab, target } => {
                if let Some(comment) = self.own(tab, target) {
                    let text = Body::check(&format!("{} (edited in tab {tab})", comment.text())).unwrap();
                    let edited = self.tabs[tab].thread.edited(&comment.id, text, self.clock).unwrap();
                    self.put(tab, edited);
                }
            }
            Op::Delete { tab, target } => {
                let Some(comment) = self.own(tab, target) else { return };
                match self.tabs[tab].thread.deletion(&comment.id) {
                    Ok(Deletion::Placeholder(placeholder)) => self.put(tab, placeholder),
                    Ok(Deletion::Remove) => {
                        let plan = write_plan::remove(&self.keys, &comment.id, |k| self.storage.get(k).cloned());
                        self.carry_out(tab, plan);
                        self.ledger.insert(comment.id.clone(), false);
                        self.tabs[tab].thread.remove(&comment.id);
                    }
                    Err(_) => return,
                }
                self.tabs[tab].deleted = Some(comment);
            }
            Op::Undo { tab } => {
                if let Some(comment) = self.tabs[tab].deleted.take() {
                    self.put(tab, comment);
                }
            }
            Op::Like { tab, target } => {
                let ids: Vec<CommentId> = self.tabs[tab].thread.comments().map(|c| c.id.clone()).collect();
                if ids.is_empty() {
                    return;
                }
                let id = &ids[target % ids.len()];
                let liked = !self.tabs[tab].thread.is_liked(id);
                let key = self.keys.key(Kind::Like, id.as_str());
                self.write(tab, key, liked.then(|| "1".to_string()));
                self.tabs[tab].thread.set_liked(id, liked);
            }
            Op::Import { from, to } => {
                let file = export(&self.thread_id, &self.tabs[from].thread, self.clock, None);
                let import = read_import(&self.thread_id, &file).expect("an export always imports");
                let new = import.new_to(&self.tabs[to].thread);
                for comment in new.comments {
                    self.put(to, comment);
                }
                for id in new.likes {
                    self.write(to, self.keys.key(Kind::Like, id.as_str()), Some("1".into()));
                    self.tabs[to].thread.set_liked(&id, true);
                }
            }
            Op::Garble { target } => {
                let comment_keys: Vec<String> =
                    self.storage.keys().filter(|k| self.keys.comment_suffix(k).is_some()).cloned().collect();
                let key = match comment_keys.get(target % comment_keys.len().max(1)) {
                    Some(key) if target % 4 != 0 => key.clone(),
                    _ => format!("{}c:garbled-{target}", self.keys.thread_prefix()),
                };
                self.serial += 1;
                let garbage = format!("{{\"v\":1,\"id\": garbage {}", self.serial);
                if let Some(id) = self.keys.comment_suffix(&key).and_then(CommentId::parse) {
                    self.ledger.insert(id, false);
                }
                // Garbage over garbage still in place: the other program overwrote its own.
                let current = self.storage.get(&key).cloned();
                self.garbage.retain(|(k, v)| !(*k == key && current.as_ref() == Some(v)));
                self.garbage.push((key.clone(), garbage.clone()));
                // Written by another program: every tab hears of it, none wrote it.
                self.write(TABS, key, Some(garbage));
            }
            Op::Hear { tab, events } => {
                for _ in 0..events {
                    let Some(key) = self.tabs[tab].inbox.pop_front() else { break };
                    let value = self.storage.get(&key).cloned();
                    if let Some(Heard::Thread(change)) = heard_from_event(&self.keys, Some(&key), value.as_deref()) {
                        self.tabs[tab].thread.apply(change);
                    }
                }
            }
            Op::Reload { tab } => self.reload(tab),
        }
    }

    /// A tab loads the page again: what `Store::load` reads, with unusable
    /// entries moved aside.
    fn reload(&mut self, tab: usize) {
        let loaded = load(&self.keys, self.storage.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        for (key, raw) in &loaded.unusable {
            let plan = write_plan::set_aside(&self.keys, key, raw, |k| self.storage.get(k).cloned());
            self.carry_out(tab, plan);
        }
        self.tabs[tab].thread.set_posted(loaded.comments, loaded.liked);
        self.tabs[tab].inbox.clear();
    }

    /// What a page loading now would show (without writing anything).
    fn stored(&self) -> Thread {
        let loaded = load(&self.keys, self.storage.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let mut thread = Thread::default();
        thread.set_posted(loaded.comments, loaded.liked);
        thread
    }
}

/// Totals over all cases of a run, for the Reliability table (docs/src/contributors/reliability.md).
static CASES: AtomicUsize = AtomicUsize::new(0);
static OPERATIONS: AtomicUsize = AtomicUsize::new(0);
static POSTED: AtomicUsize = AtomicUsize::new(0);
static LOST: AtomicUsize = AtomicUsize::new(0);

/// Adds one case to the totals and writes them, before the case's checks
/// run: a failing run still reports what it lost.
fn report(operations: usize, posted: usize, lost: usize) {
    let cases = CASES.fetch_add(1, Ordering::Relaxed) + 1;
    let operations = OPERATIONS.fetch_add(operations, Ordering::Relaxed) + operations;
    let posted = POSTED.fetch_add(posted, Ordering::Relaxed) + posted;
    let lost = LOST.fetch_add(lost, Ordering::Relaxed) + lost;
    let line = format!(
        "{{\"fault\":\"{cases} random interleavings of {operations} operations across {TABS} tabs, garbage written over stored comments (model property test)\",\"tabs\":{TABS},\"posted\":{posted},\"faults\":{operations},\"lost\":{lost}}}\n"
    );
    // Read at run time: a test binary built in another checkout that shares
    // the target directory must still write into this one.
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = format!("{root}/reports/reliability");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(format!("{dir}/model.jsonl"), line);
}

/// Every shown comment id, in display order (top level, then replies).
fn shown(tree: &Tree) -> Vec<CommentId> {
    let mut out = Vec::new();
    let mut stack: Vec<CommentId> = tree.top().iter().rev().cloned().collect();
    while let Some(id) = stack.pop() {
        let node = tree.node(&id).expect("every listed id has a node");
        stack.extend(node.replies.iter().rev().cloned());
        out.push(id);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_comment_is_lost_or_duplicated_whatever_the_interleaving(ops in proptest::collection::vec(op(), 1..120)) {
        let mut world = World::new();
        let count = ops.len();
        for op in ops {
            world.apply(op);
        }
        let posted = world.ledger.len();
        // One page loads (moving garbage aside), then every tab hears everything.
        world.apply(Op::Reload { tab: 0 });
        for tab in 0..TABS {
            world.apply(Op::Hear { tab, events: usize::MAX });
        }
        let stored = world.stored();
        let alive: HashSet<&CommentId> = world.ledger.iter().filter(|(_, alive)| **alive).map(|(id, _)| id).collect();
        // Lost: what readers left that a tab does not show, or storage does not hold.
        let lost = world.tabs.iter().map(|tab| {
            let shown: HashSet<&CommentId> = tab.thread.comments().filter(|c| !c.deleted).map(|c| &c.id).collect();
            alive.iter().filter(|id| !shown.contains(*id) || !stored.contains(id)).count()
        }).max().unwrap_or(0);
        let garbage_lost = world.garbage.iter().filter(|(key, garbage)| {
            let aside = world.keys.aside(key);
            !world.storage.iter().any(|(k, v)| k.starts_with(&aside) && v == garbage)
        }).count();
        report(count, posted, lost);
        prop_assert_eq!(garbage_lost, 0, "a garbled entry was overwritten instead of kept aside");
        for tab in &world.tabs {
            prop_assert_eq!(tab.thread.posted(), stored.posted(), "a tab differs from storage");
            prop_assert_eq!(tab.thread.liked(), stored.liked());
            for sort in Sort::ALL {
                let tree = Tree::build(&tab.thread, sort);
                let shown = shown(&tree);
                let unique: HashSet<&CommentId> = shown.iter().collect();
                prop_assert_eq!(unique.len(), shown.len(), "a comment is shown twice");
                let shown_alive: HashSet<&CommentId> =
                    shown.iter().filter(|id| !tree.node(id).unwrap().comment.deleted).collect();
                prop_assert_eq!(&shown_alive, &alive, "shown comments differ from what readers left");
                prop_assert_eq!(tree.count(), alive.len());
                for id in &shown {
                    let node = tree.node(id).unwrap();
                    if let Some(parent) = node.comment.parent.as_ref().filter(|p| tree.node(p).is_some()) {
                        let mut allowed = tree.ancestors(parent).unwrap();
                        allowed.push(parent.clone());
                        prop_assert!(node.parent.as_ref().is_some_and(|p| allowed.contains(p)),
                            "reply {} is not under its parent {}", id, parent);
                    }
                }
            }
        }
    }
}
