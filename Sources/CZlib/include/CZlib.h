#ifndef CZLIB_H
#define CZLIB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A file read through zlib: gzip data (every member of a multi-member file, as .warc.gz
/// writes one per record) is decompressed, anything else is read as it is. A corrupt member
/// is skipped to the next gzip header, and counted.
typedef struct czl_file czl_file;

/// Opens `path` for reading; NULL if it cannot be opened (errno says why).
czl_file *czl_open(const char *path);

/// Reads up to `length` decompressed bytes into `buffer`: the number read (fewer just before
/// a corrupt member, which is then skipped), 0 at the end, -1 on a read error.
long czl_read(czl_file *file, void *buffer, size_t length);

/// The number of corrupt or cut gzip members met so far (czl_error describes the last).
long czl_corruptions(czl_file *file);

/// The compressed bytes consumed so far (for progress reports).
long long czl_offset(czl_file *file);

/// What was wrong with the last corrupt member, or "" if none.
const char *czl_error(czl_file *file);

/// Decompresses `length` bytes of gzip or zlib data at `input` into `output` (at most
/// `capacity` bytes): the number of bytes written, or -1 if the data is corrupt, truncated
/// or larger than `capacity`.
long czl_inflate(const void *input, size_t length, void *output, size_t capacity);

/// Closes the file.
void czl_close(czl_file *file);

#ifdef __cplusplus
}
#endif

#endif
