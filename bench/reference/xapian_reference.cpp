// The least a passage indexer can do with Xapian: read JSON Lines articles,
// split each "text" on newlines into passages, index each passage with a
// TermGenerator (English stemming, positions), store the text, one writer.
// It is the "Xapian limit" on one core that bench/compare measures Frontline against.
//
// Build: g++ -O2 -std=c++17 xapian_reference.cpp -o xapian_reference -lxapian
// Run:   xapian_reference CORPUS.jsonl INDEX_DIR
#include <xapian.h>

#include <fstream>
#include <iostream>
#include <string>

// Extracts the JSON string value of "text" from one line (handles the escapes JSON uses).
static bool text_field(const std::string &line, std::string &out) {
    size_t key = line.find("\"text\"");
    if (key == std::string::npos) return false;
    size_t i = line.find('"', line.find(':', key) + 1);
    if (i == std::string::npos) return false;
    out.clear();
    for (++i; i < line.size() && line[i] != '"'; ++i) {
        char c = line[i];
        if (c != '\\') { out += c; continue; }
        char e = line[++i];
        switch (e) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'u': {
                unsigned code = std::stoul(line.substr(i + 1, 4), nullptr, 16);
                i += 4;
                if (code < 0x80) out += char(code);
                else if (code < 0x800) { out += char(0xC0 | (code >> 6)); out += char(0x80 | (code & 0x3F)); }
                else { out += char(0xE0 | (code >> 12)); out += char(0x80 | ((code >> 6) & 0x3F)); out += char(0x80 | (code & 0x3F)); }
                break;
            }
            default: out += e;
        }
    }
    return true;
}

int main(int argc, char **argv) {
    if (argc != 3) { std::cerr << "usage: xapian_reference CORPUS.jsonl INDEX_DIR\n"; return 2; }
    try {
        Xapian::WritableDatabase db(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        std::ifstream in(argv[1]);
        std::string line, text;
        size_t passages = 0;
        while (std::getline(in, line)) {
            if (!text_field(line, text)) continue;
            size_t start = 0;
            while (start < text.size()) {
                size_t end = text.find('\n', start);
                if (end == std::string::npos) end = text.size();
                if (end > start) {
                    Xapian::Document doc;
                    std::string passage = text.substr(start, end - start);
                    doc.set_data(passage);
                    generator.set_document(doc);
                    generator.index_text(passage);
                    db.add_document(doc);
                    ++passages;
                }
                start = end + 1;
            }
        }
        db.commit();
        std::cout << passages << " passages\n";
    } catch (const Xapian::Error &e) {
        std::cerr << e.get_description() << "\n";
        return 1;
    }
    return 0;
}
