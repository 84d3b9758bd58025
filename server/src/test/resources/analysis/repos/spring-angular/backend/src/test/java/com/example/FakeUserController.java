package com.example;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test double: its route must not count as the product's. */
@RestController
class FakeUserController {
    @DeleteMapping("/api/users/{id}")
    void delete() {
    }
}
