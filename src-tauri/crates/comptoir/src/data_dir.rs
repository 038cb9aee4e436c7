//! The data folder (database, lock, later PDFs) and the lock that lets only one Comptoir at a
//! time receive orders for it.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Environment variable that overrides the default data folder.
pub const DATA_DIR_ENV: &str = "COMPTOIR_DATA_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `explicit` (from --data-dir) wins, then `COMPTOIR_DATA_DIR`, then the OS data directory
    /// (`~/.local/share/comptoir` on Linux). The folder is created if missing.
    pub fn resolve(explicit: Option<&Path>) -> Result<DataDir> {
        let root = match explicit {
            Some(p) => p.to_owned(),
            None => match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
                Some(v) => PathBuf::from(v),
                None => dirs::data_dir().ok_or(Error::NoDataDir)?.join("comptoir"),
            },
        };
        DataDir::at(root)
    }

    pub fn at(root: PathBuf) -> Result<DataDir> {
        create_private_dir(&root).map_err(|source| Error::DataDir {
            path: root.clone(),
            source,
        })?;
        Ok(DataDir { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn database(&self) -> PathBuf {
        self.root.join("comptoir.sqlite")
    }

    fn lock_file(&self) -> PathBuf {
        self.root.join("comptoir.lock")
    }

    /// Takes the receiving lock, or says who holds it. The OS releases it when the process
    /// ends, even on a crash, so a stale lock never blocks the owner.
    pub fn lock(&self, holder: &str) -> Result<DataLock> {
        let path = self.lock_file();
        let io = |source| Error::DataDir {
            path: path.clone(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                let holder = text.trim();
                return Err(Error::AlreadyRunning {
                    path: self.root.clone(),
                    holder: if holder.is_empty() {
                        "another process".to_owned()
                    } else {
                        holder.to_owned()
                    },
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        write!(file, "{holder}, process {}", std::process::id()).map_err(io)?;
        file.flush().map_err(io)?;
        Ok(DataLock { _file: file })
    }
}

/// Held while this process receives orders for a data folder.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

fn create_private_dir(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_with_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path().join("d")).unwrap();
        let first = data.lock("comptoir serve").unwrap();
        let err = data.lock("the desktop app").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("comptoir serve, process"), "{text}");
        assert!(text.contains("Close it first"), "{text}");
        drop(first);
        data.lock("the desktop app").unwrap();
    }
}
