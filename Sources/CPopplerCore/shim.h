#ifdef __cplusplus
#include <OutputDev.h>
#include <PDFDoc.h>
#endif
