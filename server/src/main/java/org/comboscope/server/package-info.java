package org.comboscope.server;
