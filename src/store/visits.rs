//! When the reader was last on a thread, for what is new to them
//! (`model::thread::news`). The previous visit is read once per page: every
//! widget of the thread on the page marks the same comments new, although
//! the first to start has already written this visit down.

use super::Store;
use crate::model::{FxHashMap, LastVisit};
use std::cell::RefCell;

thread_local! {
    /// The previous visit of each thread as first read on this page, by key.
    static READ_ON_THIS_PAGE: RefCell<FxHashMap<String, LastVisit>> = RefCell::default();
}

impl Store {
    /// The reader's visit before this page. A value that is not a time
    /// reads as a first visit: nothing is marked new, nothing is lost.
    pub fn previous_visit(&self) -> LastVisit {
        let key = self.keys.last_visit();
        let stored = || LastVisit(self.get::<f64>(&key).filter(|at| at.is_finite()));
        READ_ON_THIS_PAGE
            .try_with(|read| {
                let mut read = read.try_borrow_mut().ok()?;
                Some(*read.entry(key.clone()).or_insert_with(stored))
            })
            .ok()
            .flatten()
            .unwrap_or_else(stored)
    }

    /// Notes that the reader is on the thread now (when it opens, and when
    /// the page is left, so that what arrived while they read is not new
    /// next time). Not noting it loses nothing the reader wrote.
    pub fn record_visit(&self, at_ms: f64) {
        let _ = self.set(&self.keys.last_visit(), at_ms);
    }
}
