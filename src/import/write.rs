//! The output folder appears whole or not at all: every file is written
//! into a temporary folder beside it (`.agora-import-<pid>`, in the same
//! parent, so on the same file system), which is renamed into place at the
//! end. On any failure the temporary folder is removed.

use super::ImportError;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Refuses an output folder that has anything in it, or whose parent folder
/// is not there, before any work.
pub fn check_output(output: &Path) -> Result<(), ImportError> {
    let parent = parent(output);
    if !parent.is_dir() {
        return Err(ImportError::NoParent { path: parent });
    }
    match fs::read_dir(output).map(|mut entries| entries.next().is_none()) {
        Ok(true) => Ok(()),
        Ok(false) => Err(ImportError::OutputNotEmpty { path: output.to_path_buf() }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(ImportError::Write { path: output.to_path_buf(), error }),
    }
}

/// The folder the output folder is to be in (where the temporary one goes too).
fn parent(output: &Path) -> PathBuf {
    match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The temporary folder the files are written into.
pub struct Staging {
    folder: PathBuf,
    output: PathBuf,
    committed: bool,
}

impl Staging {
    pub fn create(output: &Path) -> Result<Staging, ImportError> {
        let parent = parent(output);
        let pid = std::process::id();
        let mut attempt = 0u32;
        loop {
            let name =
                if attempt == 0 { format!(".agora-import-{pid}") } else { format!(".agora-import-{pid}-{attempt}") };
            let folder = parent.join(name);
            match fs::create_dir(&folder) {
                Ok(()) => return Ok(Staging { folder, output: output.to_path_buf(), committed: false }),
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
                Err(error) => return Err(ImportError::Write { path: folder, error }),
            }
        }
    }

    /// Writes `<id>.json`; ids are unique, so an existing file is an error.
    pub fn write(&mut self, id: &str, json: &str) -> Result<(), ImportError> {
        let path = self.folder.join(format!("{id}.json"));
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut file| file.write_all(json.as_bytes()))
            .map_err(|error| ImportError::Write { path, error })
    }

    /// Puts the folder in place (replacing an empty output folder).
    pub fn commit(mut self) -> Result<(), ImportError> {
        let write_error = |error| ImportError::Write { path: self.output.clone(), error };
        check_output(&self.output)?;
        if self.output.is_dir() {
            fs::remove_dir(&self.output).map_err(write_error)?;
        }
        fs::rename(&self.folder, &self.output).map_err(write_error)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Nothing more can be done about a folder that cannot be removed:
            // the error the import returns is the one to report.
            let _ = fs::remove_dir_all(&self.folder);
        }
    }
}
