#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
static uint64_t s = 0x9E3779B97F4A7C15ULL;
static uint64_t nx(void){ s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static double u01(void){ return (nx() >> 11) * 0x1p-53; }
int main(int argc, char**argv){
  long n = atol(argv[1]);
  FILE*f = fopen(argv[2],"wb");
  for (long i=0;i<n;i++){
    double x; int m = i % 3;
    if (m==0) x = (u01()*2-1)*700;
    else if (m==1) x = (u01()*2-1)*30;
    else x = (u01()*2-1)*1;
    double y = exp(x);
    fwrite(&x,8,1,f); fwrite(&y,8,1,f);
  }
  fclose(f); return 0;
}
