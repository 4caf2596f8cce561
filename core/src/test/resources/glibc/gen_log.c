#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static uint64_t s = 88172645463325252ULL;
static uint64_t nx(void){ s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static double u01(void){ return (nx() >> 11) * 0x1p-53; }
int main(int argc, char**argv){
  long n = atol(argv[1]);
  FILE*f = fopen(argv[2],"wb");
  for (long i=0;i<n;i++){
    double x; int m = i % 4;
    if (m==0) x = exp((u01()*2-1)*25);           /* log-uniform e^-25..e^25 */
    else if (m==1) x = 1 + (u01()*2-1)*0.08;     /* near 1 */
    else if (m==2) x = u01()*100;                 /* linear */
    else { uint64_t b = (nx() % (0x7fefffffffffffffULL - 0x0010000000000000ULL)) + 0x0010000000000000ULL; memcpy(&x,&b,8);} /* any normal */
    double y = log(x);
    fwrite(&x,8,1,f); fwrite(&y,8,1,f);
  }
  fclose(f); return 0;
}
