// ICUShim: lookups in ICU's own Thai word-break dictionary (brkitr/thaidict.dict), the data the
// Thai word break iterator uses. C++ only because ICU's trie readers (BytesTrie, UCharsTrie) are
// C++ classes; the interface is the plain C function declared in icu_shim.h.
//
// The .dict layout (ICU's DictionaryData, format "Dict" version 1): 8 int32 indexes, then the
// trie at indexes[0]; indexes[4] holds the trie type (0 bytes, 1 UChars) and indexes[5] the
// transform (0x01000000 | offset: code point - offset = byte, with ZWNJ → 0xFE, ZWJ → 0xFF).

#include "icu_shim.h"

#include <pthread.h>

#include <unicode/bytestrie.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utypes.h>

namespace {

struct ThaiDictionary {
    UDataMemory *memory = nullptr;
    const char *trie = nullptr;
    int32_t trieType = 0;   // 0 bytes, 1 UChars
    int32_t transform = 0;  // 0 none, else 0x01000000 | offset
    UErrorCode status = U_ZERO_ERROR;
};

ThaiDictionary thaiDictionary;
pthread_once_t thaiDictionaryOnce = PTHREAD_ONCE_INIT;

UBool isDictFormat(void *, const char *, const char *, const UDataInfo *info) {
    return info->size >= 20 && info->dataFormat[0] == 'D' && info->dataFormat[1] == 'i' &&
           info->dataFormat[2] == 'c' && info->dataFormat[3] == 't' && info->formatVersion[0] == 1;
}

void openThaiDictionary() {
    ThaiDictionary &d = thaiDictionary;
    d.memory = udata_openChoice(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "thaidict",
                                isDictFormat, nullptr, &d.status);
    if (U_FAILURE(d.status)) return;
    const int32_t *indexes = static_cast<const int32_t *>(udata_getMemory(d.memory));
    d.trieType = indexes[4] & 7;
    d.transform = indexes[5];
    d.trie = reinterpret_cast<const char *>(indexes) + indexes[0];
    if ((d.trieType != 0 && d.trieType != 1) ||
        (d.transform != 0 && (d.transform & 0x7f000000) != 0x01000000)) {
        d.status = U_INVALID_FORMAT_ERROR;
    }
}

// The byte a code unit becomes under the dictionary's transform, or -1 if it cannot occur.
int32_t transformed(int32_t transform, UChar c) {
    if (transform == 0) return c;
    if (c == 0x200D) return 0xFF;
    if (c == 0x200C) return 0xFE;
    int32_t delta = c - (transform & 0x1fffff);
    return (delta < 0 || delta > 0xFD) ? -1 : delta;
}

template <typename Trie>
int32_t collectPrefixes(Trie &trie, const ThaiDictionary &d, const UChar *text, int32_t length,
                        int32_t *lengths, int32_t capacity) {
    int32_t n = 0;
    for (int32_t i = 0; i < length; i++) {
        int32_t unit = d.trieType == 0 ? transformed(d.transform, text[i]) : text[i];
        if (unit < 0) break;
        UStringTrieResult r = i == 0 ? trie.first(unit) : trie.next(unit);
        if (USTRINGTRIE_HAS_VALUE(r) && n < capacity) lengths[n++] = i + 1;
        if (!USTRINGTRIE_HAS_NEXT(r)) break;
    }
    return n;
}

}  // namespace

extern "C" int32_t icushim_thai_dictionary_prefixes(const uint16_t *text, int32_t length,
                                                    int32_t *lengths, int32_t capacity,
                                                    int32_t *count) {
    *count = 0;
    pthread_once(&thaiDictionaryOnce, openThaiDictionary);
    const ThaiDictionary &d = thaiDictionary;
    if (U_FAILURE(d.status)) return d.status;
    const UChar *units = reinterpret_cast<const UChar *>(text);
    if (d.trieType == 0) {
        icu::BytesTrie trie(d.trie);
        *count = collectPrefixes(trie, d, units, length, lengths, capacity);
    } else {
        icu::UCharsTrie trie(reinterpret_cast<const char16_t *>(d.trie));
        *count = collectPrefixes(trie, d, units, length, lengths, capacity);
    }
    return U_ZERO_ERROR;
}
