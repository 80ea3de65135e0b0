#ifdef __cplusplus
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#endif
