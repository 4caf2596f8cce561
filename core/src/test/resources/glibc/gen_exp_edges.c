#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
static uint64_t s = 0x2545F4914F6CDD1DULL;
static uint64_t nx(void){ s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static double u01(void){ return (nx() >> 11) * 0x1p-53; }
int main(void){
  for (int i=0;i<3000;i++){
    double x = i % 3 ? -745.2 + u01()*45.2 : 700 + u01()*9.78;
    printf("%a,%a\n", x, exp(x));
  }
  return 0;
}
