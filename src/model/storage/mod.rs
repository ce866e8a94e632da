//! What agora keeps in the browser and in files: the storage format
//! (`record`), reading a thread's entries in one pass (`load`, from the
//! string `packed` hands over), what another tab's change means (`sync`),
//! the reader's export file (`export`), and which keys each write touches,
//! in which order (`write_plan`, carried out by `crate::store`).

pub mod export;
pub mod load;
pub mod packed;
pub mod record;
pub mod sync;
pub mod write_plan;
