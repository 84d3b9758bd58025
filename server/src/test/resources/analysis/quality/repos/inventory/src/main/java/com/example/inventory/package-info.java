/** Stock levels and order pricing. */
package com.example.inventory;
