package com.example.users;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

/** Users: list, show, create. Deleting is disabled until auditing exists. */
@RestController
@RequestMapping("/api/users")
public class UserController {
    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @GetMapping
    public List<User> list() {
        return users.all();
    }

    @GetMapping("/{id}")
    public User show(@PathVariable long id) {
        return users.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public User create(@RequestBody User user) {
        return users.save(user);
    }

    // @DeleteMapping("/{id}")
    // public void delete(@PathVariable long id) { users.delete(id); }

    /*
    @PutMapping("/{id}")
    public User update(@PathVariable long id, @RequestBody User user) { return users.update(id, user); }
    */
}
