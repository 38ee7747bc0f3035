/* A stand-in for Windows' bcryptprimitives.dll, for running vanban.exe under Wine 8.0 only.
 *
 * Rust's standard library on Windows takes its random numbers (the HashMap seed) from
 * ProcessPrng in bcryptprimitives.dll. Windows 10 and 11 ship that DLL; Wine 8.0 (Debian 12)
 * does not, so every Rust program fails to start there ("Library bcryptprimitives.dll not
 * found", exit 53). Placed beside vanban.exe, this DLL answers from RtlGenRandom instead.
 * It is a test shim, not part of what a clerk installs: real Windows has the DLL. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    return RtlGenRandom(data, (ULONG)length);
}
