//! Secrets other than the webhook secret (the SMTP password, later the WooCommerce API key):
//! kept out of the database and out of every listing, in a `secrets` folder of the data folder
//! that only the owner may read. (An OS keychain needs a running keyring service, which a
//! headless `comptoir serve` or a bare Linux session does not have; the file works everywhere.)

use std::io::Write;
use std::path::PathBuf;

use comptoir_store::Connection;

use crate::error::{Error, Result};

fn path(conn: &Connection, name: &str) -> Result<PathBuf> {
    let db = conn.path().filter(|p| !p.is_empty()).ok_or_else(|| {
        Error::Document("secrets need a database file, not an in-memory one".into())
    })?;
    let dir = std::path::Path::new(db)
        .parent()
        .map(|p| p.join("secrets"))
        .ok_or(Error::NoDataDir)?;
    Ok(dir.join(name))
}

fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::DataDir {
        path: path.to_owned(),
        source,
    }
}

/// Stores (or, with an empty value, removes) a secret.
pub fn write(conn: &Connection, name: &str, value: &str) -> Result<()> {
    let file = path(conn, name)?;
    let dir = file.parent().ok_or(Error::NoDataDir)?;
    if value.is_empty() {
        return match std::fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(&file)(e)),
            _ => Ok(()),
        };
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io(dir))?;
    // Written to a new file and renamed, so a crash never leaves half a password.
    let tmp = file.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options.open(&tmp).map_err(io(&tmp))?;
    f.write_all(value.as_bytes()).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    std::fs::rename(&tmp, &file).map_err(io(&file))?;
    Ok(())
}

pub fn read(conn: &Connection, name: &str) -> Result<Option<String>> {
    let file = path(conn, name)?;
    match std::fs::read_to_string(&file) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(&file)(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_private_files() {
        let dir = tempfile::tempdir().unwrap();
        let conn = comptoir_store::open(&dir.path().join("comptoir.sqlite")).unwrap();
        assert_eq!(read(&conn, "smtp.password").unwrap(), None);
        write(&conn, "smtp.password", "s3cret pass").unwrap();
        assert_eq!(
            read(&conn, "smtp.password").unwrap().as_deref(),
            Some("s3cret pass")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("secrets/smtp.password"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        write(&conn, "smtp.password", "").unwrap();
        assert_eq!(read(&conn, "smtp.password").unwrap(), None);
    }
}
