#include "CZlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { INPUT_SIZE = 1 << 16 };

struct czl_file {
    FILE *file;
    int gzip;              // gzip data (else read as it is)
    z_stream stream;
    unsigned char input[INPUT_SIZE];
    int in_member;         // inside a member that has not ended yet
    int ended;             // no more compressed input
    long corruptions;      // members found corrupt or cut, skipped
    long long consumed;    // compressed bytes consumed
    char message[160];
};

czl_file *czl_open(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    czl_file *file = calloc(1, sizeof *file);
    if (!file) { fclose(f); return NULL; }
    file->file = f;
    int first = fgetc(f), second = fgetc(f);
    file->gzip = first == 0x1f && second == 0x8b;
    rewind(f);
    if (file->gzip && inflateInit2(&file->stream, 15 + 16) != Z_OK) { fclose(f); free(file); return NULL; }
    return file;
}

/// Refills the input; 0 at the end of the file.
static int refill(czl_file *file) {
    if (file->stream.avail_in > 0) return 1;
    size_t n = fread(file->input, 1, INPUT_SIZE, file->file);
    if (n == 0) { file->ended = 1; return 0; }
    file->stream.next_in = file->input;
    file->stream.avail_in = (uInt)n;
    return 1;
}

/// After a corrupt member: skips to the next gzip header (1f 8b 08) and starts again there.
static void resynchronise(czl_file *file) {
    inflateReset(&file->stream);
    file->in_member = 0;
    // The byte where the bad member started is not a new header: step past at least one.
    if (file->stream.avail_in > 0) { file->stream.next_in++; file->stream.avail_in--; file->consumed++; }
    for (;;) {
        if (!refill(file)) return;
        while (file->stream.avail_in > 0) {
            if (file->stream.next_in[0] == 0x1f) {
                // Need three bytes to check; keep this one and refill behind it if short.
                if (file->stream.avail_in < 3) {
                    unsigned char keep[2];
                    uInt left = file->stream.avail_in;
                    memcpy(keep, file->stream.next_in, left);
                    size_t n = fread(file->input + left, 1, INPUT_SIZE - left, file->file);
                    memcpy(file->input, keep, left);
                    file->stream.next_in = file->input;
                    file->stream.avail_in = left + (uInt)n;
                    if (file->stream.avail_in < 3) { file->stream.avail_in = 0; file->ended = 1; return; }
                }
                if (file->stream.next_in[1] == 0x8b && file->stream.next_in[2] == 0x08) return;
            }
            file->stream.next_in++;
            file->stream.avail_in--;
            file->consumed++;
        }
    }
}

long czl_read(czl_file *file, void *buffer, size_t length) {
    if (length > (1u << 30)) length = 1u << 30;
    if (!file->gzip) {
        size_t n = fread(buffer, 1, length, file->file);
        file->consumed += (long long)n;
        return ferror(file->file) ? -1 : (long)n;
    }
    z_stream *z = &file->stream;
    z->next_out = buffer;
    z->avail_out = (uInt)length;
    while (z->avail_out > 0) {
        if (z->avail_in == 0 && !refill(file)) {
            if (file->in_member) {
                file->corruptions++;
                snprintf(file->message, sizeof file->message, "the last gzip member is cut short");
                file->in_member = 0;
            }
            break;
        }
        uInt before = z->avail_in;
        int code = inflate(z, Z_NO_FLUSH);
        file->consumed += before - z->avail_in;
        if (before != z->avail_in) file->in_member = 1;
        if (code == Z_STREAM_END) {
            inflateReset(z);
            file->in_member = 0;
        } else if (code != Z_OK && code != Z_BUF_ERROR) {
            file->corruptions++;
            snprintf(file->message, sizeof file->message, "corrupt gzip member: %s", z->msg ? z->msg : "invalid data");
            resynchronise(file);
            break; // hand back what came before the bad member
        }
    }
    return (long)(length - z->avail_out);
}

long long czl_offset(czl_file *file) {
    return file->consumed;
}

long czl_corruptions(czl_file *file) {
    return file->corruptions;
}

const char *czl_error(czl_file *file) {
    return file->message;
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

void czl_close(czl_file *file) {
    if (!file) return;
    if (file->gzip) inflateEnd(&file->stream);
    fclose(file->file);
    free(file);
}
