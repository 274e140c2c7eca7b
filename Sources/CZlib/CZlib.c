#include "CZlib.h"

#include <stdlib.h>
#include <zlib.h>

struct czl_file {
    gzFile gz;
    int failed;
};

czl_file *czl_open(const char *path) {
    gzFile gz = gzopen(path, "rb");
    if (!gz) return NULL;
    gzbuffer(gz, 1 << 17);
    czl_file *file = malloc(sizeof *file);
    if (!file) { gzclose(gz); return NULL; }
    file->gz = gz;
    file->failed = 0;
    return file;
}

long czl_read(czl_file *file, void *buffer, size_t length) {
    if (file->failed) return -1;
    if (length > (1u << 30)) length = 1u << 30;
    int n = gzread(file->gz, buffer, (unsigned)length);
    if (n < 0) { file->failed = 1; return -1; }
    if (n == 0) {
        int code = Z_OK;
        gzerror(file->gz, &code);
        // A truncated member ends without an error from gzread but leaves Z_BUF_ERROR.
        if (code != Z_OK && code != Z_STREAM_END) { file->failed = 1; return -1; }
    }
    return n;
}

long long czl_offset(czl_file *file) {
    return (long long)gzoffset(file->gz);
}

const char *czl_error(czl_file *file) {
    int code = Z_OK;
    const char *message = gzerror(file->gz, &code);
    return code == Z_OK ? "" : (message ? message : "unknown zlib error");
}

void czl_close(czl_file *file) {
    if (!file) return;
    gzclose(file->gz);
    free(file);
}

long czl_inflate(const void *input, size_t length, void *output, size_t capacity) {
    z_stream stream = {0};
    if (inflateInit2(&stream, 15 + 32) != Z_OK) return -1; // gzip or zlib, by the header
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)(length > 0xffffffffu ? 0xffffffffu : length);
    stream.next_out = (Bytef *)output;
    stream.avail_out = (uInt)(capacity > 0xffffffffu ? 0xffffffffu : capacity);
    int code = inflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    inflateEnd(&stream);
    return code == Z_STREAM_END ? written : -1;
}
