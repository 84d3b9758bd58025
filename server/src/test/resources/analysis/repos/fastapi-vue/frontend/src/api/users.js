import api from './client'

export const listUsers = () => api.get('/users')

export const getUser = (id) => api.get(`/users/${id}`)

export const createUser = (user) => api.post('/users', user)

export const deleteUser = (id) => api.delete(`/users/${id}`)
